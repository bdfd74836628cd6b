import { identityKey, type Identity } from '@c360/contacts-domain';
import type { KeyStore } from '@c360/kernel';
import { KEY_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';

/** Key-store subject of claim-key version `n`: an id, never personal data (assertSubject). */
export const claimKeySubject = (version: number) => `c360.identity-claims.v${version}`;

/** One identity's claim keys: the current version's first, then every older version still kept. */
export interface KeyedIdentity {
  readonly current: string;
  readonly previous: readonly string[];
}

/**
 * The server-side keys that turn an e-mail or phone into its claim stream id (HMAC-SHA-256). They live
 * in the key store (keys.db, never the log), created on first use. Rotation: raise
 * CONTACTS_IDENTITY_CLAIM_KEY_VERSION; new claims use the new key, older versions are still consulted
 * (a claim held under v1 keeps its identity taken) and released, until an operator retires a version by
 * deleting its key (docs/configuration.md, ADR 0013). Keys are looked up per call, never cached: a
 * retired key must stop working at once.
 */
@Injectable()
export class IdentityClaimKeys {
  constructor(
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
  ) {}

  async keyOf(identity: Identity): Promise<KeyedIdentity> {
    const current = await this.keys.create(claimKeySubject(this.options.claimKeyVersion));
    const previous: string[] = [];
    for (let version = this.options.claimKeyVersion - 1; version >= 1; version--) {
      const older = await this.keys.get(claimKeySubject(version));
      if (older) previous.push(identityKey(identity, older.key));
    }
    return { current: identityKey(identity, current.key), previous };
  }

  /** Every claim key of the identities (current and older versions), e.g. for an erasure to release. */
  async allKeysOf(identities: readonly Identity[]): Promise<string[]> {
    const out: string[] = [];
    for (const identity of identities) {
      const keyed = await this.keyOf(identity);
      out.push(keyed.current, ...keyed.previous);
    }
    return out;
  }
}
