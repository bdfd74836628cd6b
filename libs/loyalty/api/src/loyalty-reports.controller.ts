import { DomainError, type CommandContext, type DocumentStore } from '@c360/kernel';
import { LoyaltyReports } from '@c360/loyalty-application';
import { LOYALTY_FRAUD_REVIEW_COLLECTION, type FraudReviewDocument } from '@c360/loyalty-projections';
import { DOCUMENT_STORE, RequestCommandContext } from '@c360/runtime';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

class FraudQueueQuery {
  @IsOptional() @IsIn(['open', 'confirmed', 'cleared']) status?: 'open' | 'confirmed' | 'cleared';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() after?: string;
}

class EffectivenessQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365) windowDays?: number;
}

function requireOversight(context: CommandContext): void {
  if (context.actor.role !== 'supervisor' && context.actor.role !== 'auditor') {
    throw new DomainError('loyalty.role-required', 'Only supervisors and auditors see loyalty reports', 'forbidden');
  }
}

/** Supervisors' views: the fraud review queue and the reward-effectiveness report. */
@Controller('loyalty')
export class LoyaltyReportsController {
  constructor(
    private readonly reports: LoyaltyReports,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Get('fraud-flags')
  async fraudQueue(@Query() query: FraudQueueQuery, @RequestCommandContext() context: CommandContext) {
    requireOversight(context);
    const page = await this.documents.find<FraudReviewDocument>(
      LOYALTY_FRAUD_REVIEW_COLLECTION,
      { status: query.status ?? 'open' },
      {
        sort: { field: 'raisedAt', direction: 'asc' },
        limit: query.limit ?? 50,
        after: query.after,
      },
    );
    return {
      items: page.items.map(({ _id: _ignoredId, _position: _ignoredPosition, ...item }) => item),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Get('reports/reward-effectiveness')
  rewardEffectiveness(@Query() query: EffectivenessQuery, @RequestCommandContext() context: CommandContext) {
    requireOversight(context);
    return this.reports.rewardEffectiveness(query.windowDays ?? 90);
  }
}
