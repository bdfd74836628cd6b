import { customerIdOfStream, type CustomerEvent } from '@c360/contacts-domain';
import type { DocumentProjection } from '@c360/kernel';

/**
 * `customer-aliases`: for every customer merged into another, the survivor it now answers to. Other
 * contexts (the 360 view, loyalty) resolve ids through it; an undo removes the alias. Chains
 * (A into B, then B into C) are followed by the reader.
 */
export interface CustomerAliasDocument {
  readonly customerId: string;
  readonly survivorId: string;
  readonly mergeId: string;
  readonly mergedAt: string;
}

type AliasEvent = Extract<CustomerEvent, { type: 'contacts.customers-merged' | 'contacts.merge-undone' }>;

/** Read by id only (no indexes); revealed like every contacts read model, although it holds no personal field. */
export const customerAliasesProjection: DocumentProjection<CustomerAliasDocument, AliasEvent> = {
  name: 'customer-aliases',
  version: 1,
  handles: ['contacts.customers-merged', 'contacts.merge-undone'],
  readsPersonalData: true,
  // Merge events are on both streams; only the absorbed customer's copy concerns its alias.
  documentIds: (event) => {
    const customerId = customerIdOfStream(event.streamId);
    return event.data.absorbedId === customerId ? [customerId] : [];
  },
  evolve(doc, event) {
    if (event.type === 'contacts.customers-merged') {
      const { absorbedId, survivorId, mergeId, mergedAt } = event.data;
      return { customerId: absorbedId, survivorId, mergeId, mergedAt };
    }
    if (event.type === 'contacts.merge-undone' && doc?.mergeId === event.data.mergeId) return null;
    return doc;
  },
};
