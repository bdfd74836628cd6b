import type { LoyaltyFacts } from '@c360/customer360-projections';
import { churnRisk } from './churn-risk';
import { loyaltyBalanceAt } from './loyalty-balance';
import { buildRfmScale, rfmSegment, scoreRfm, type RfmInput } from './rfm';

const now = new Date('2026-06-01T00:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const daysAhead = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('figures computed as of now from the stored facts', () => {
  it('splits loyalty lots into pending, spendable and expiring soon by their dates', () => {
    const account: LoyaltyFacts = {
      status: 'active',
      enrolledAt: daysAgo(400),
      tier: 'silver',
      debt: 5,
      redemptions: 1,
      firstRedemptionAt: daysAgo(10),
      lastRedemptionAt: daysAgo(10),
      lots: [
        { lotId: 'pending', remaining: 20, unlockAt: daysAhead(3), expiresAt: daysAhead(365), status: 'pending' },
        { lotId: 'soon', remaining: 30, unlockAt: daysAgo(50), expiresAt: daysAhead(10), status: 'available' },
        { lotId: 'later', remaining: 40, unlockAt: daysAgo(50), expiresAt: daysAhead(200), status: 'available' },
        { lotId: 'gone', remaining: 50, unlockAt: daysAgo(400), expiresAt: daysAgo(1), status: 'available' },
      ],
    };
    expect(loyaltyBalanceAt([account], now, account)).toEqual({
      status: 'active',
      tier: 'silver',
      spendable: 70,
      pending: 20,
      debt: 5,
      expiringSoon: [{ expiresAt: daysAhead(10), points: 30 }],
      redemptions: 1,
    });
    expect(loyaltyBalanceAt([], now, undefined)).toBeNull();
  });

  it('scores RFM in quintiles against every buyer; ties stay low, and no purchase means no score', () => {
    const buyers: RfmInput[] = Array.from({ length: 10 }, (_, n) => ({
      lastPurchaseAt: daysAgo(n * 30),
      purchases: n + 1,
      net: { NOK: (n + 1) * 100_000 },
    }));
    const scale = buildRfmScale([...buyers, { lastPurchaseAt: null, purchases: 0, net: {} }], now);
    expect(scale).toMatchObject({ currency: 'NOK', customers: 10 });
    const best = scoreRfm({ lastPurchaseAt: daysAgo(0), purchases: 10, net: { NOK: 1_000_000 } }, scale, now);
    expect(best).toMatchObject({ r: 5, f: 5, m: 5, segment: 'champions' });
    const lapsed = scoreRfm({ lastPurchaseAt: daysAgo(300), purchases: 1, net: { NOK: 100_000 } }, scale, now);
    expect(lapsed).toMatchObject({ r: 1, f: 1, m: 1, segment: 'hibernating' });
    expect(scoreRfm({ lastPurchaseAt: null, purchases: 0, net: {} }, scale, now)).toBeNull();
    expect(rfmSegment(1, 5)).toBe('at-risk');
  });

  it('flags churn risk with its reasons', () => {
    const quiet = churnRisk(
      {
        purchases: 4,
        refunds: 2,
        firstPurchaseAt: daysAgo(400),
        lastPurchaseAt: daysAgo(120),
        rfm: null,
        marketingConsentRevoked: true,
        pointsExpiringSoon: 30,
        lastNpsScore: null,
        breachedTickets: 0,
      },
      now,
    );
    expect(quiet).toEqual({
      atRisk: true,
      reasons: ['no-purchase-for-120-days', 'refunds-50%-of-purchases', 'marketing-consent-revoked', 'points-expiring-unused-30'],
    });
    const overdue = churnRisk(
      {
        purchases: 5,
        refunds: 0,
        firstPurchaseAt: daysAgo(60),
        lastPurchaseAt: daysAgo(40),
        rfm: null,
        marketingConsentRevoked: false,
        pointsExpiringSoon: 0,
        lastNpsScore: null,
        breachedTickets: 0,
      },
      now,
    );
    expect(overdue.reasons).toEqual(['purchase-overdue-40-days-usual-5']);
    const fine = churnRisk(
      {
        purchases: 1,
        refunds: 0,
        firstPurchaseAt: daysAgo(5),
        lastPurchaseAt: daysAgo(5),
        rfm: null,
        marketingConsentRevoked: false,
        pointsExpiringSoon: 0,
        lastNpsScore: null,
        breachedTickets: 0,
      },
      now,
    );
    expect(fine).toEqual({ atRisk: false, reasons: [] });
  });
});
