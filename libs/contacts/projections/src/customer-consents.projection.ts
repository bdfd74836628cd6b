import { customerIdOfStream, type ConsentChange, type ConsentEntry, type CustomerEvent } from '@c360/contacts-domain';
import type { DocumentProjection } from '@c360/kernel';

/** A period in which the customer was merged into a survivor: consent questions go there. */
export interface MergedPeriod {
  readonly mergeId: string;
  readonly survivorId: string;
  readonly from: string;
  readonly to?: string;
}

/**
 * The full consent history of a customer, in time order, so that "was consent valid at t" has an
 * answer for any t. Merges add the survivor's adopted decisions (at the merge) and their reversal (at
 * the undo); an absorbed customer remembers when it was merged so that questions about that period
 * go to the survivor. Consent entries are not personal data and survive erasure as proof of lawful
 * contact; after erasure every answer is "not valid".
 */
export interface CustomerConsentsDocument {
  readonly customerId: string;
  readonly history: readonly ConsentEntry[];
  readonly mergedPeriods: readonly MergedPeriod[];
  readonly erasedAt?: string;
}

type ConsentsEvent = Extract<
  CustomerEvent,
  {
    type:
      | 'contacts.customer-registered'
      | 'contacts.consent-granted'
      | 'contacts.consent-revoked'
      | 'contacts.customers-merged'
      | 'contacts.customer-absorbed'
      | 'contacts.merge-undone'
      | 'contacts.customer-erased';
  }
>;

const HANDLES: readonly ConsentsEvent['type'][] = [
  'contacts.customer-registered',
  'contacts.consent-granted',
  'contacts.consent-revoked',
  'contacts.customers-merged',
  'contacts.customer-absorbed',
  'contacts.merge-undone',
  'contacts.customer-erased',
];

/** Read by id only (no indexes); revealed like every contacts read model, although consents are not personal. */
export const customerConsentsProjection: DocumentProjection<CustomerConsentsDocument, ConsentsEvent> = {
  name: 'contacts-customer-consents',
  version: 1,
  handles: HANDLES,
  readsPersonalData: true,
  documentIds: (event) => [customerIdOfStream(event.streamId)],
  evolve(current, event, customerId) {
    const doc: CustomerConsentsDocument = current ?? { customerId, history: [], mergedPeriods: [] };
    switch (event.type) {
      case 'contacts.consent-granted':
      case 'contacts.consent-revoked': {
        const granted = event.type === 'contacts.consent-granted';
        const at = event.type === 'contacts.consent-granted' ? event.data.grantedAt : event.data.revokedAt;
        const entry: ConsentEntry = { channel: event.data.channel, purpose: event.data.purpose, granted, source: event.data.source, at };
        return { ...doc, history: [...doc.history, entry] };
      }
      case 'contacts.customer-absorbed':
        return { ...doc, history: [...doc.history, ...entries(event.data.consentChanges, event.data.mergedAt)] };
      case 'contacts.customers-merged':
        return {
          ...doc,
          mergedPeriods: [
            ...doc.mergedPeriods,
            { mergeId: event.data.mergeId, survivorId: event.data.survivorId, from: event.data.mergedAt },
          ],
        };
      case 'contacts.merge-undone':
        if (event.data.absorbedId === customerId) {
          return {
            ...doc,
            mergedPeriods: doc.mergedPeriods.map((period) =>
              period.mergeId === event.data.mergeId ? { ...period, to: event.data.undoneAt } : period,
            ),
          };
        }
        return { ...doc, history: [...doc.history, ...entries(event.data.consentChanges ?? [], event.data.undoneAt)] };
      case 'contacts.customer-erased':
        return { ...doc, erasedAt: event.data.erasedAt };
      default:
        return doc;
    }
  },
};

function entries(changes: readonly ConsentChange[], at: string): ConsentEntry[] {
  return changes.map((change) => ({
    channel: change.channel,
    purpose: change.purpose,
    granted: change.granted,
    source: change.source,
    at,
  }));
}
