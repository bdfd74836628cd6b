import { CONTACTS_TIMELINE } from '@c360/contacts-contracts';
import { combineTimelines, type EventEnvelope } from '@c360/kernel';
import { LOYALTY_TIMELINE } from '@c360/loyalty-contracts';
import { SALES_TIMELINE } from '@c360/sales-contracts';
import { customerTimelineProjection } from './customer-timeline.projection';

const projection = customerTimelineProjection(combineTimelines([CONTACTS_TIMELINE, SALES_TIMELINE, LOYALTY_TIMELINE]));
const envelope = (type: string, streamId: string, data: Record<string, unknown>): EventEnvelope => ({
  id: `event-${type}`,
  type,
  schemaVersion: 1,
  streamId,
  revision: 0,
  position: 7,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'agent-ann', role: 'agent' } },
});

describe('the customer timeline projection', () => {
  it('handles exactly the declared event types, and two declarations of one type are refused', () => {
    expect(projection.handles).toEqual(
      expect.arrayContaining(['contacts.customer-registered', 'sales.purchase-recorded', 'loyalty.points-earned']),
    );
    expect(projection.handles).not.toContain('sales.deal-stage-changed');
    expect(() => combineTimelines([SALES_TIMELINE, SALES_TIMELINE])).toThrow('Two timeline declarations describe sales.purchase-recorded');
  });

  it('writes one immutable entry per event: summary from non-personal fields, links, actor, business time', () => {
    const event = envelope('sales.purchase-refunded', 'sales-purchase-p1', {
      purchaseId: 'p1',
      orderId: 'W-1',
      customerId: 'ann',
      refundId: 'r1',
      kind: 'return',
      reason: 'my neighbour Bob broke it',
      amount: 1_234_567,
      currency: 'NOK',
      lines: [],
      refundedAt: '2026-02-28T09:00:00.000Z',
      fullyRefunded: false,
      refundedTotal: 1_234_567,
    });
    expect(projection.documentIds(event)).toEqual(['event-sales.purchase-refunded']);
    const entry = projection.evolve(null, event, 'event-sales.purchase-refunded');
    expect(entry).toEqual({
      customerId: 'ann',
      kind: 'refund',
      type: 'sales.purchase-refunded',
      at: '2026-02-28T09:00:00.000Z',
      summary: 'Return on order W-1: 12,345.67 NOK',
      actor: { id: 'agent-ann', role: 'agent' },
      links: { purchaseId: 'p1', orderId: 'W-1' },
      eventId: 'event-sales.purchase-refunded',
      position: 7,
    });
    expect(JSON.stringify(entry)).not.toContain('Bob');
    const later = { ...event, position: 9 };
    expect(projection.evolve(entry, later, 'event-sales.purchase-refunded')).toBe(entry);
  });

  it('names loyalty customers by their account stream and keeps free text as the event holds it', () => {
    const redeemed = envelope('loyalty.points-redeemed', 'loyalty-account-ann', {
      redemptionId: 'x1',
      points: 1_500,
      draws: [],
      purpose: { kind: 'reward', rewardId: 'mug' },
      redeemedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(projection.evolve(null, redeemed, 'id')).toMatchObject({
      customerId: 'ann',
      summary: 'Redeemed 1,500 points for a reward',
      links: { redemptionId: 'x1', rewardId: 'mug' },
    });
    const sealed = { $pii: 1, subject: 'ann', keyId: 'k', iv: 'i', data: 'd', tag: 't' };
    const opened = envelope('sales.deal-opened', 'sales-deal-d1', {
      dealId: 'd1',
      customerId: 'ann',
      pipelineId: 'p',
      stageId: 'lead',
      probability: 10,
      title: sealed,
      amount: 100_00,
      currency: 'EUR',
      ownerId: 'o',
      openedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(projection.evolve(null, opened, 'id')).toMatchObject({ detail: sealed, summary: 'Deal opened at stage lead: 100.00 EUR (10%)' });
  });
});
