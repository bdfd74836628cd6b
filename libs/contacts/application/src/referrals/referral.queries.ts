import { ContextQuery } from '@c360/runtime';
import type { RefereePage, ReferralChain } from './referral-read.service';

/** The customer, who referred them, who referred that one, … */
export class GetReferralChain extends ContextQuery<ReferralChain> {
  constructor(readonly customerId: string) {
    super();
  }
}

/** The customers this customer referred, a page at a time. */
export class ListReferees extends ContextQuery<RefereePage> {
  constructor(
    readonly customerId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
