import type { CustomerProfileDocument } from '@c360/contacts-projections';
import { DomainError } from '@c360/kernel';
import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../queries/customer-directory';

export interface ReferralLink {
  readonly customerId: string;
  readonly referralCode: string;
  readonly referredAt?: string;
  readonly status: CustomerProfileDocument['status'];
}

export interface ReferralChain {
  readonly customerId: string;
  readonly referralCode: string;
  readonly chain: readonly ReferralLink[];
}

export interface RefereePage {
  readonly items: readonly ReferralLink[];
  readonly nextCursor?: string;
}

/** Referral chains and referees, from the profile read model. */
@Injectable()
export class ReferralReadService {
  constructor(private readonly directory: CustomerDirectory) {}

  /** The customer, who referred them, who referred that one, … up to the first customer (max 100). */
  async chain(customerId: string): Promise<ReferralChain> {
    const start = await this.directory.profile(customerId);
    if (!start) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    const chain: ReferralLink[] = [];
    const seen = new Set([customerId]);
    let referrerId = start.referrerId;
    while (referrerId && !seen.has(referrerId) && chain.length < 100) {
      seen.add(referrerId);
      const doc = await this.directory.profile(referrerId);
      if (!doc) break;
      const referredAt = doc.referredAt;
      chain.push({ customerId: doc.customerId, referralCode: doc.referralCode, status: doc.status, ...(referredAt ? { referredAt } : {}) });
      referrerId = doc.referrerId;
    }
    return { customerId, referralCode: start.referralCode, chain };
  }

  /** Customers this customer referred, a page at a time. */
  async referees(customerId: string, limit: number, cursor?: string): Promise<RefereePage> {
    const page = await this.directory.profiles({ referrerId: customerId }, { limit, after: cursor });
    return {
      items: page.items.map((doc) => ({
        customerId: doc.customerId,
        referralCode: doc.referralCode,
        status: doc.status,
        ...(doc.referredAt ? { referredAt: doc.referredAt } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}
