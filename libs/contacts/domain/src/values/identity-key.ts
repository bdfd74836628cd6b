import { createHmac } from 'node:crypto';

export type IdentityKind = 'email' | 'phone';

export interface Identity {
  readonly kind: IdentityKind;
  /** Normalised: lower-cased e-mail, E.164 phone. */
  readonly value: string;
}

/**
 * The pseudonymous key of a normalised identity: HMAC-SHA-256 of `kind:value` under the platform's
 * identity-claim key, hex. It names the identity's claim stream. An unkeyed hash would let anyone with
 * a copy of the log test a dictionary of e-mails or phones against it (ADR 0013); without the claim
 * key (kept in the key store, never in the log) the key cannot be recomputed from the value.
 */
export function identityKey(identity: Identity, claimKey: Uint8Array): string {
  if (claimKey.length < 32) throw new TypeError('The identity-claim key must have at least 32 bytes');
  return createHmac('sha256', claimKey).update(`${identity.kind}:${identity.value}`, 'utf8').digest('hex');
}
