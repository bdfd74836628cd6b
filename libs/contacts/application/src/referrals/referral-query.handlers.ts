import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { ReferralReadService, type RefereePage, type ReferralChain } from './referral-read.service';
import { GetReferralChain, ListReferees } from './referral.queries';

@HandlesQuery(GetReferralChain)
export class GetReferralChainHandler implements IQueryHandler<GetReferralChain, ReferralChain> {
  constructor(private readonly referrals: ReferralReadService) {}

  execute(query: GetReferralChain): Promise<ReferralChain> {
    return this.referrals.chain(query.customerId);
  }
}

@HandlesQuery(ListReferees)
export class ListRefereesHandler implements IQueryHandler<ListReferees, RefereePage> {
  constructor(private readonly referrals: ReferralReadService) {}

  execute(query: ListReferees): Promise<RefereePage> {
    return this.referrals.referees(query.customerId, query.limit, query.cursor);
  }
}

export const REFERRAL_QUERY_HANDLERS = [GetReferralChainHandler, ListRefereesHandler];
