import { ACCESS, DOCUMENT_STORE, Roles } from '@c360/runtime';
import type { DocumentStore } from '@c360/kernel';
import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { netPromoterScore, type DailyMetrics } from './daily-metrics';
import { DAILY_COLLECTION } from './daily-metrics.writer';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /analytics/daily?from=YYYY-MM-DD&to=YYYY-MM-DD`: revenue, points and NPS per day. */
@Controller('analytics')
export class AnalyticsController {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Revenue, points and NPS per day' })
  @Get('daily')
  async daily(@Query('from') from?: string, @Query('to') to?: string) {
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== undefined && !DAY.test(value)) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'validation_failed',
          message: `${field} must be YYYY-MM-DD`,
          fields: [{ field, problems: ['must be YYYY-MM-DD'] }],
        });
      }
    }
    const page = await this.documents.find<DailyMetrics & { day: string }>(
      DAILY_COLLECTION,
      { _id: { $gte: from ?? '0000-00-00', $lte: to ?? '9999-99-99' } },
      { sort: { field: '_id', direction: 'asc' }, limit: 1000 },
    );
    return page.items.map((doc) => ({
      day: doc._id,
      revenue: doc.revenue ?? {},
      purchases: doc.purchases ?? 0,
      refunds: doc.refunds ?? 0,
      pointsIssued: doc.pointsIssued ?? 0,
      pointsRedeemed: doc.pointsRedeemed ?? 0,
      nps: netPromoterScore(doc) ?? null,
      npsAnswers: doc.nps ?? {},
    }));
  }
}
