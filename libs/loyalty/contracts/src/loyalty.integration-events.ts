import type { EventEnvelope } from '@c360/kernel';
import { FIELDS, TOPICS, defineIntegrationContracts, stringField } from '@c360/integration-events';
import type { AccountEvent } from '@c360/loyalty-domain';

/**
 * Integration events the loyalty context publishes on `c360.loyalty.v1`: points earned, spent, expired, adjusted, clawed back, and tier changes.
 * Public and versioned: a consumer (analytics, another context's workflow) reads these fields and
 * nothing else; the domain events behind them may change freely.
 */
const { customerId, instant, points } = FIELDS;

/** Loyalty account streams are `loyalty-account-<customerId>`: the owner, when the data does not name it. */
const accountOwner = (event: EventEnvelope) =>
  stringField(event, 'customerId') ?? (event.streamId.startsWith(ACCOUNT_STREAM) ? event.streamId.slice(ACCOUNT_STREAM.length) : undefined);
const ACCOUNT_STREAM = 'loyalty-account-';

export const LOYALTY_INTEGRATION_EVENTS = defineIntegrationContracts<AccountEvent>()([
  {
    type: 'loyalty.points-earned',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-earned',
    description: 'Points earned (a lot): pending until unlockAt.',
    key: accountOwner,
    fields: {
      customerId,
      lotId: { type: 'string', description: 'lot id' },
      points,
      earnedAt: instant('when', false),
      unlockAt: instant('spendable from', false),
      expiresAt: instant('expiry', false),
    },
  },
  {
    type: 'loyalty.points-redeemed',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-redeemed',
    description: 'Points spent.',
    key: accountOwner,
    fields: {
      customerId,
      redemptionId: { type: 'string', required: true, description: 'redemption id' },
      points,
      redeemedAt: instant('when'),
    },
  },
  {
    type: 'loyalty.points-expired',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-expired',
    description: 'What was left of a lot expired.',
    key: accountOwner,
    fields: { customerId, lotId: { type: 'string', description: 'lot id' }, points, expiredAt: instant('when') },
  },
  {
    type: 'loyalty.points-adjusted',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-adjusted',
    description: "A supervisor's manual adjustment (positive or negative).",
    key: accountOwner,
    fields: {
      customerId,
      points: { type: 'integer', required: true, description: 'points, negative for a debit' },
      reason: { type: 'string', description: 'reason code' },
      adjustedAt: instant('when'),
    },
  },
  {
    type: 'loyalty.points-clawed-back',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-clawed-back',
    description: 'Points taken back after a refund.',
    key: accountOwner,
    fields: { customerId, refundId: { type: 'string', description: 'refund id' }, points, clawedBackAt: instant('when') },
  },
  {
    type: 'loyalty.tier-changed',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.tier-changed',
    description: 'The member moved to another tier.',
    key: accountOwner,
    fields: {
      customerId,
      from: { type: 'string', required: true, description: 'previous tier' },
      to: { type: 'string', required: true, description: 'new tier' },
      reason: { type: 'string', description: 'upgrade | downgrade | floor' },
      changedAt: instant('when'),
    },
  },
]);
