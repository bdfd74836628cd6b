import type { ConsentDecision, ConsentDecisions, ConsentKey } from '../consent/consent';
import type { Identity } from '../values/identity-key';
import type { PersonName } from '../values/person-name';
import type { Attributes, PostalAddress } from '../values/profile-values';
import type { MergeAdoption } from './customer.events';

export interface CustomerProfile {
  readonly name?: PersonName;
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags: readonly string[];
  readonly attributes: Attributes;
}

/** A customer merged into this one and not (yet) split off again. */
export interface ActiveMerge {
  readonly mergeId: string;
  readonly absorbedId: string;
  readonly mergedAt: string;
  readonly adopted: MergeAdoption;
  /** This customer's own decisions for the consents the merge changed (null: none), to revert on undo. */
  readonly consentBefore: Readonly<Partial<Record<ConsentKey, ConsentDecision | null>>>;
}

/** Non-personal record of every merge the customer took part in. */
export interface MergeRecord {
  readonly mergeId: string;
  readonly role: 'survivor' | 'absorbed';
  readonly otherCustomerId: string;
  readonly mergedAt: string;
  readonly undoneAt?: string;
}

export interface SuspectedDuplicate {
  readonly otherCustomerId: string;
  readonly reasons: readonly string[];
  readonly identities: readonly Identity[];
}

export interface CustomerData {
  readonly customerId: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly acquisitionSource?: string;
  readonly referralCode: string;
  readonly referrerId?: string;
  readonly referredAt?: string;
  readonly profile: CustomerProfile;
  /** Normalised (lower case), each claimed by this customer. */
  readonly emails: readonly string[];
  /** E.164, each claimed by this customer. */
  readonly phones: readonly string[];
  readonly consents: ConsentDecisions;
  readonly suspectedDuplicates: readonly SuspectedDuplicate[];
  readonly activeMerges: readonly ActiveMerge[];
  readonly mergeHistory: readonly MergeRecord[];
}

/** What an erased customer keeps: ids, dates and business facts, no personal data. */
export interface ErasedCustomer {
  readonly status: 'erased';
  readonly customerId: string;
  readonly registeredAt: string;
  readonly erasedAt: string;
  readonly acquisitionSource?: string;
  readonly referralCode: string;
  readonly referrerId?: string;
  readonly referredAt?: string;
  readonly releasedIdentities: readonly string[];
  readonly mergeHistory: readonly MergeRecord[];
  readonly viaSurvivorId?: string;
}

export type ActiveCustomer = { readonly status: 'active' } & CustomerData;
export type MergedCustomer = {
  readonly status: 'merged';
  readonly survivorId: string;
  readonly mergeId: string;
  readonly mergedAt: string;
} & CustomerData;

export type CustomerState = { readonly status: 'none' } | ActiveCustomer | MergedCustomer | ErasedCustomer;

export const initialCustomerState: CustomerState = { status: 'none' };

/** The customer's data whatever its status (undefined when none or erased). */
export function customerData(state: CustomerState): CustomerData | undefined {
  return state.status === 'active' || state.status === 'merged' ? state : undefined;
}
