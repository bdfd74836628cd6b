import type { Actor } from '@c360/kernel';
import type { FraudReviewDocument } from '@c360/loyalty-projections';
import { ContextQuery } from '@c360/runtime';
import type { ListPage } from '../shared/list-page';
import type { RewardEffectiveness } from './loyalty-reports.service';

/** The supervisors' fraud review queue: flags of one status, oldest first. */
export class GetFraudQueue extends ContextQuery<ListPage<FraudReviewDocument>> {
  constructor(
    readonly viewer: Actor,
    readonly filter: { readonly status?: FraudReviewDocument['status'] },
    readonly page: { readonly limit?: number; readonly after?: string },
  ) {
    super();
  }
}

/** Does redeeming bring customers back within the window? */
export class GetRewardEffectiveness extends ContextQuery<RewardEffectiveness> {
  constructor(
    readonly viewer: Actor,
    readonly windowDays: number,
  ) {
    super();
  }
}
