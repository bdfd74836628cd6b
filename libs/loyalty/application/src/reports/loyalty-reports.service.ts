import type { Clock, DocumentStore } from '@c360/kernel';
import {
  LOYALTY_MEMBER_ACTIVITY_COLLECTION,
  LOYALTY_REWARDS_COLLECTION,
  type MemberActivityDocument,
  type RewardDocument,
} from '@c360/loyalty-projections';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { RewardEffectivenessCalculator, type RewardEffectivenessReport } from './reward-effectiveness';

/** The reward-effectiveness report, each reward named from the catalogue (null once it is gone). */
export type RewardEffectiveness = RewardEffectivenessReport & {
  rewards: readonly (RewardEffectivenessReport['rewards'][number] & { name: string | null })[];
};

/** Reports computed from read models (one pass over the member-activity documents). */
@Injectable()
export class LoyaltyReports {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rewardEffectiveness(windowDays = 90): Promise<RewardEffectiveness> {
    const calculator = new RewardEffectivenessCalculator(this.clock.now().toISOString(), windowDays);
    let after: string | undefined;
    do {
      const page = await this.documents.find<MemberActivityDocument>(LOYALTY_MEMBER_ACTIVITY_COLLECTION, {}, { limit: 1_000, after });
      for (const member of page.items) calculator.add(member);
      after = page.nextCursor;
    } while (after);
    const report = calculator.report();
    const names = new Map(
      (
        await this.documents.getMany<RewardDocument>(
          LOYALTY_REWARDS_COLLECTION,
          report.rewards.map((row) => row.rewardId),
        )
      ).map((doc) => [doc.rewardId, doc.name]),
    );
    return { ...report, rewards: report.rewards.map((row) => ({ ...row, name: names.get(row.rewardId) ?? null })) };
  }
}
