import type { IntegrationEvent } from '@c360/integration-events';
import { FileTopicPublisher } from '@c360/relay';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AnalyticsConsumerModule } from './analytics-consumer.module';
import { netPromoterScore } from './daily-metrics';

const event = (type: string, topic: string, data: Record<string, string | number>): IntegrationEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  topic,
  key: String(data.customerId ?? 'c-1'),
  occurredAt: '2026-05-02T08:00:00.000Z',
  correlationId: 'corr',
  data: { customerId: 'c-1', ...data },
});

describe('analytics consumer (topic files)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [AnalyticsConsumerModule], env: { TOPICS: 'files' } });
  });
  afterEach(() => platform.close());

  async function dailyWhen(predicate: (days: Array<Record<string, unknown>>) => boolean) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await platform.http.get('/analytics/daily?from=2026-05-01&to=2026-05-31').expect(200);
      if (predicate(response.body)) return response.body as Array<Record<string, unknown>>;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the consumer did not catch up in 10 s');
  }

  it('maintains revenue net of refunds, points issued and redeemed, and NPS per day — each event once', async () => {
    const publisher = new FileTopicPublisher(join(platform.dataDir, 'topics'));
    const purchase = event('sales.purchase-recorded', 'c360.sales.v1', {
      total: 100_000,
      currency: 'NOK',
      purchasedAt: '2026-05-01T10:00:00.000Z',
    });
    const batch = [
      purchase,
      event('sales.purchase-recorded', 'c360.sales.v1', { total: 50_000, currency: 'EUR', purchasedAt: '2026-05-01T11:00:00.000Z' }),
      event('sales.purchase-refunded', 'c360.sales.v1', { amount: 30_000, currency: 'NOK', refundedAt: '2026-05-02T09:00:00.000Z' }),
      event('loyalty.points-earned', 'c360.loyalty.v1', { points: 10, earnedAt: '2026-05-01T10:00:00.000Z' }),
      event('loyalty.points-redeemed', 'c360.loyalty.v1', { points: 4, redeemedAt: '2026-05-02T12:00:00.000Z' }),
      ...[10, 9, 7, 3].map((score) =>
        event('surveys.answer-recorded', 'c360.surveys.v1', { kind: 'nps', score, answeredAt: '2026-05-02T13:00:00.000Z' }),
      ),
    ];
    await publisher.publish(batch);
    await publisher.publish([purchase]); // a redelivery: at-least-once topics repeat themselves
    await publisher.close();

    const days = await dailyWhen((list) => list.length === 2 && list[1]?.nps !== null);
    expect(days).toEqual([
      expect.objectContaining({ day: '2026-05-01', revenue: { NOK: 100_000, EUR: 50_000 }, purchases: 2, pointsIssued: 10, nps: null }),
      expect.objectContaining({ day: '2026-05-02', revenue: { NOK: -30_000 }, refunds: 1, pointsRedeemed: 4, nps: 25 }),
    ]);
  });

  it('refuses a malformed day', async () => {
    const response = await platform.http.get('/analytics/daily?from=May').expect(400);
    expect(response.body.fields[0].field).toBe('from');
  });

  it('computes NPS as % promoters − % detractors', () => {
    expect(netPromoterScore({ nps: { promoters: 6, passives: 2, detractors: 2 } })).toBe(40);
    expect(netPromoterScore({})).toBeUndefined();
  });
});
