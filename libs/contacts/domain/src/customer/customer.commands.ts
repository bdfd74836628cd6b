import type { Channel, Purpose } from '../consent/consent';
import type { Identity } from '../values/identity-key';
import type { PersonName } from '../values/person-name';
import type { AttributeValue, PostalAddress } from '../values/profile-values';
import type { CustomerData } from './customer.state';

/** Every command names its customer and the instant it is decided at (from the application's Clock). */
interface CommandBase {
  readonly customerId: string;
  readonly at: string;
}

export interface RegisterCustomer extends CommandBase {
  readonly type: 'register';
  readonly name?: PersonName;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  /** Region for phone numbers written without a country code. */
  readonly defaultRegion?: string;
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly acquisitionSource?: string;
  /** An existing, active customer (resolved and checked by the application). */
  readonly referrerId?: string;
  /** Identities given at registration that belong to other customers (recorded, not claimed). */
  readonly duplicates?: ReadonlyArray<{ readonly otherCustomerId: string; readonly identities: readonly Identity[] }>;
}

export interface ProfileChanges {
  readonly name?: PersonName | null;
  readonly birthday?: string | null;
  readonly address?: PostalAddress | null;
  readonly company?: string | null;
  readonly preferredLanguage?: string | null;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue | null>>;
}

export interface UpdateProfile extends CommandBase {
  readonly type: 'update-profile';
  readonly changes: ProfileChanges;
}

export interface AddEmail extends CommandBase {
  readonly type: 'add-email';
  readonly email: string;
}
export interface RemoveEmail extends CommandBase {
  readonly type: 'remove-email';
  readonly email: string;
}
export interface AddPhone extends CommandBase {
  readonly type: 'add-phone';
  readonly phone: string;
  readonly defaultRegion?: string;
}
export interface RemovePhone extends CommandBase {
  readonly type: 'remove-phone';
  readonly phone: string;
  readonly defaultRegion?: string;
}

export interface GrantConsent extends CommandBase {
  readonly type: 'grant-consent';
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly source: string;
  /** When the customer gave consent (may lie in the past, never after `at`). */
  readonly effectiveAt: string;
}
export interface RevokeConsent extends CommandBase {
  readonly type: 'revoke-consent';
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly source: string;
  readonly effectiveAt: string;
}

export interface SetReferrer extends CommandBase {
  readonly type: 'set-referrer';
  readonly referrerId: string;
  /** Who referred the referrer, and so on upwards (read by the application from the referrers' streams). */
  readonly referrerChain: readonly string[];
}

/** To the customer being absorbed: it is frozen and points at the survivor. */
export interface MergeInto extends CommandBase {
  readonly type: 'merge-into';
  readonly mergeId: string;
  readonly survivorId: string;
}

/** To the survivor: it takes over the absorbed customer's data by the merge policy. */
export interface Absorb extends CommandBase {
  readonly type: 'absorb';
  readonly mergeId: string;
  readonly absorbed: CustomerData;
}

/** To the survivor: give back what the merge adopted. */
export interface UndoMerge extends CommandBase {
  readonly type: 'undo-merge';
  readonly mergeId: string;
}

/** To the absorbed customer: active again, with the identities the survivor gave back. */
export interface ReleaseFromMerge extends CommandBase {
  readonly type: 'release-from-merge';
  readonly mergeId: string;
  readonly returned: { readonly emails: readonly string[]; readonly phones: readonly string[] };
}

export interface EraseCustomer extends CommandBase {
  readonly type: 'erase';
  /**
   * Keys of the identity claims to release (keyed hashes, identity-key.ts): the application computes
   * them with the claim key, which the pure decider cannot see.
   */
  readonly releasedIdentities?: readonly string[];
  /** Set when the erasure of a survivor carries over to a customer merged into it. */
  readonly viaSurvivorId?: string;
}

export type CustomerCommand =
  | RegisterCustomer
  | UpdateProfile
  | AddEmail
  | RemoveEmail
  | AddPhone
  | RemovePhone
  | GrantConsent
  | RevokeConsent
  | SetReferrer
  | MergeInto
  | Absorb
  | UndoMerge
  | ReleaseFromMerge
  | EraseCustomer;
