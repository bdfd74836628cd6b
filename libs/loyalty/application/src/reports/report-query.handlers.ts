import { DomainError, type Actor, type DocumentStore } from '@c360/kernel';
import { LOYALTY_FRAUD_REVIEW_COLLECTION, type FraudReviewDocument } from '@c360/loyalty-projections';
import { DOCUMENT_STORE, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { Inject } from '@nestjs/common';
import { listPage, withoutStoreFields, type ListPage } from '../shared/list-page';
import { LoyaltyReports, type RewardEffectiveness } from './loyalty-reports.service';
import { GetFraudQueue, GetRewardEffectiveness } from './report.queries';

function requireOversight(viewer: Actor): void {
  if (viewer.role !== 'supervisor' && viewer.role !== 'auditor') {
    throw new DomainError('loyalty.role-required', 'Only supervisors and auditors see loyalty reports', 'forbidden');
  }
}

@HandlesQuery(GetFraudQueue)
export class GetFraudQueueHandler implements IQueryHandler<GetFraudQueue, ListPage<FraudReviewDocument>> {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}
  async execute(query: GetFraudQueue): Promise<ListPage<FraudReviewDocument>> {
    requireOversight(query.viewer);
    const page = await this.documents.find<FraudReviewDocument>(
      LOYALTY_FRAUD_REVIEW_COLLECTION,
      { status: query.filter.status ?? 'open' },
      {
        sort: { field: 'raisedAt', direction: 'asc' },
        limit: query.page.limit ?? 50,
        after: query.page.after,
      },
    );
    return listPage(page, withoutStoreFields);
  }
}

@HandlesQuery(GetRewardEffectiveness)
export class GetRewardEffectivenessHandler implements IQueryHandler<GetRewardEffectiveness, RewardEffectiveness> {
  constructor(private readonly reports: LoyaltyReports) {}
  execute(query: GetRewardEffectiveness): Promise<RewardEffectiveness> {
    requireOversight(query.viewer);
    return this.reports.rewardEffectiveness(query.windowDays);
  }
}

export const REPORT_HANDLERS = [GetFraudQueueHandler, GetRewardEffectivenessHandler];
