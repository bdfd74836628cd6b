import { consentValidAt, type Channel, type ConsentEntry, type Purpose } from '@c360/contacts-domain';
import { DomainError } from '@c360/kernel';
import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../queries/customer-directory';

export interface ConsentAnswer {
  readonly customerId: string;
  /** The customer whose history answered (the survivor, for a period the customer was merged). */
  readonly answeredBy: string;
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly at: string;
  readonly valid: boolean;
  readonly decidedBy?: ConsentEntry;
  readonly erased?: boolean;
}

export interface ConsentHistory {
  readonly customerId: string;
  readonly history: readonly ConsentEntry[];
  readonly erasedAt?: string;
}

/**
 * "May we contact this customer on this channel for this purpose at t?" — what other services ask
 * before they send anything. Answered from the consent read model, following merges: for a moment
 * when the customer was merged into a survivor, the survivor's consent counts.
 */
@Injectable()
export class ConsentReadService {
  constructor(private readonly directory: CustomerDirectory) {}

  async validAt(customerId: string, channel: Channel, purpose: Purpose, at: string): Promise<ConsentAnswer> {
    let current = customerId;
    for (let hops = 0; hops < 50; hops++) {
      const doc = await this.directory.consents(current);
      if (!doc) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
      const t = Date.parse(at);
      const period = doc.mergedPeriods.find((p) => Date.parse(p.from) <= t && (p.to === undefined || t < Date.parse(p.to)));
      if (period) {
        current = period.survivorId;
        continue;
      }
      const base = { customerId, answeredBy: current, channel, purpose, at };
      if (doc.erasedAt && t >= Date.parse(doc.erasedAt)) return { ...base, valid: false, erased: true };
      return { ...base, ...consentValidAt(doc.history, channel, purpose, at) };
    }
    throw new DomainError('contacts.merge-chain-too-long', 'The customer resolves through too many merges', 'conflict', { customerId });
  }

  async history(customerId: string): Promise<ConsentHistory> {
    const doc = await this.directory.consents(customerId);
    if (!doc) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    return { customerId, history: doc.history, ...(doc.erasedAt ? { erasedAt: doc.erasedAt } : {}) };
  }
}
