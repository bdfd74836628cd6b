import type { DocumentProjection } from '@c360/kernel';
import { CONTRACT_EVENT_TYPES, type ContractEvent } from '@c360/sales-domain';

export interface ContractDocument {
  readonly contractId: string;
  readonly customerId: string;
  readonly title: string;
  readonly status: 'active' | 'lapsed';
  readonly value: number;
  readonly currency: string;
  readonly startDate: string;
  /** The next renewal date (YYYY-MM-DD): the renewals-due query ranges over it. */
  readonly renewalDate: string;
  readonly termMonths: number;
  readonly renewals: number;
  readonly lastRenewedAt: string | null;
  readonly lapsedAt: string | null;
  readonly dealId: string | null;
  readonly version: number;
}

/** One document per contract; renewals due = active contracts by renewal date. */
export const contractRenewalsProjection: DocumentProjection<ContractDocument, ContractEvent> = {
  name: 'sales-contracts',
  version: 1,
  handles: CONTRACT_EVENT_TYPES,
  indexes: [{ fields: ['status', 'renewalDate'] }, { fields: ['customerId', 'startDate'] }],
  documentIds: (event) => [event.data.contractId],
  evolve(doc, event) {
    if (event.type === 'sales.contract-started') {
      const d = event.data;
      return {
        contractId: d.contractId,
        customerId: d.customerId,
        title: d.title,
        status: 'active',
        value: d.value,
        currency: d.currency,
        startDate: d.startDate,
        renewalDate: d.renewalDate,
        termMonths: d.termMonths,
        renewals: 0,
        lastRenewedAt: null,
        lapsedAt: null,
        dealId: d.dealId ?? null,
        version: event.revision,
      };
    }
    if (doc === null) return null;
    if (event.type === 'sales.contract-renewed') {
      const d = event.data;
      return {
        ...doc,
        renewalDate: d.renewalDate,
        value: d.value,
        renewals: doc.renewals + 1,
        lastRenewedAt: d.renewedAt,
        version: event.revision,
      };
    }
    if (event.type === 'sales.contract-lapsed') return { ...doc, status: 'lapsed', lapsedAt: event.data.lapsedAt, version: event.revision };
    return doc;
  },
};
