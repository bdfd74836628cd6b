import { createHash } from 'node:crypto';

export type IdentityKind = 'email' | 'phone';

export interface Identity {
  readonly kind: IdentityKind;
  /** Normalised: lower-cased e-mail, E.164 phone. */
  readonly value: string;
}

/**
 * The pseudonymous key of a normalised identity: SHA-256 of `kind:value`, hex. It names the identity's
 * claim stream, so no plaintext e-mail or phone number appears in stream names or claim events.
 */
export function identityKey(identity: Identity): string {
  return createHash('sha256').update(`${identity.kind}:${identity.value}`, 'utf8').digest('hex');
}
