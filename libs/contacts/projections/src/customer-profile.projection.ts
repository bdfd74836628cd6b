import {
  CUSTOMER_EVENT_TYPES,
  customerData,
  customerIdOfStream,
  displayName,
  evolveCustomer,
  foldName,
  initialCustomerState,
  nameSearchKeys,
  type CustomerEvent,
  type CustomerState,
} from '@c360/contacts-domain';
import type { DocumentProjection } from '@c360/kernel';

/**
 * One document per customer: the customer's state folded with the decider's own `evolve` (so the
 * read side can never disagree with the rules), plus flat fields to search on. The projection runs
 * behind a revealing processor and sees plaintext; the erasure tombstone folds the state into one
 * without personal data, and the search fields go empty with it.
 */
export interface CustomerProfileDocument {
  readonly customerId: string;
  readonly status: CustomerState['status'];
  readonly version: number;
  readonly registeredAt: string;
  /** Folded display name, for sorting search results. */
  readonly sortName: string;
  /** Every prefix a name search may type (see nameSearchKeys). */
  readonly nameKeys: readonly string[];
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  /** Identities this customer gave that belong to another customer (suspected duplicates). */
  readonly contested: readonly string[];
  readonly referralCode: string;
  readonly referrerId?: string;
  readonly state: Exclude<CustomerState, { status: 'none' }>;
}

export const customerProfileProjection: DocumentProjection<CustomerProfileDocument, CustomerEvent> = {
  name: 'contacts-customer-profile',
  version: 1,
  handles: CUSTOMER_EVENT_TYPES,
  // Names, e-mails and phones are searched in plaintext: the runtime feeds this projection revealed events.
  readsPersonalData: true,
  // What the queries filter and sort on: a referral code at registration and "referred by", referees,
  // search by e-mail, phone or name prefix (sorted by name), duplicate suggestions (contested identities).
  // The array fields are multikey indexes on MongoDB.
  indexes: [
    { fields: ['referralCode'] },
    { fields: ['referrerId'] },
    { fields: ['emails'] },
    { fields: ['phones'] },
    { fields: ['nameKeys', 'sortName'] },
    { fields: ['contested'] },
  ],
  documentIds: (event) => [customerIdOfStream(event.streamId)],
  evolve(doc, event) {
    const state = evolveCustomer(doc?.state ?? initialCustomerState, event);
    if (state.status === 'none') return null;
    const data = customerData(state);
    const name = data?.profile.name;
    return {
      customerId: state.customerId,
      status: state.status,
      version: event.revision,
      registeredAt: state.registeredAt,
      sortName: foldName(displayName(name)),
      nameKeys: nameSearchKeys(name),
      emails: data?.emails ?? [],
      phones: data?.phones ?? [],
      contested: data?.suspectedDuplicates.flatMap((duplicate) => duplicate.identities.map((identity) => identity.value)) ?? [],
      referralCode: state.referralCode,
      ...(state.referrerId ? { referrerId: state.referrerId } : {}),
      state,
    };
  },
};
