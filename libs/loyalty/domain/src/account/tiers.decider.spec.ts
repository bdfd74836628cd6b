import { deciderSpec } from '@c360/kernel/testing';
import { AGENT, PROGRAM, SUPERVISOR, decide, due, earn, enrol, history, purchase, stateOf, typesOf } from '../testing/account-fixtures';
import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { loyaltyAccountDecider } from './loyalty-account.decider';
import { tierProgress } from './tier-math';
import type { TierName } from '../shared/tiers';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-01-10T10:00:00.000Z';
const YEAR_LATER = '2027-01-10T10:00:00.000Z';
const GRACE_END = '2027-04-10T10:00:00.000Z';
const floor = (tier: TierName | null, now = T0, actor = SUPERVISOR): AccountCommand => ({
  type: 'set-tier-floor',
  tier,
  reason: 'service-recovery',
  actor,
  now,
  program: PROGRAM,
});
const tierEvents = (events: readonly AccountEvent[]) => events.filter((event) => event.type.startsWith('loyalty.tier-'));
const then = (given: AccountEvent[], command: AccountCommand) => [...given, ...decide(given, command)];

describe('tiers by points earned in a rolling 12 months', () => {
  it('upgrades at once when a threshold is reached, and schedules a review for when the points would lapse', () => {
    spec
      .given(history(enrol(T0), earn(purchase('p-0', 5_000_000, T0), T0)))
      .when(earn(purchase('p-1', 5_000_000, '2026-03-01T00:00:00.000Z'), '2026-03-01T00:00:00.000Z'))
      .thenEvents((events) =>
        expect(tierEvents(events)).toEqual([
          {
            type: 'loyalty.tier-changed',
            data: { from: 'bronze', to: 'silver', reason: 'upgrade', rollingPoints: 1_000, changedAt: '2026-03-01T00:00:00.000Z' },
          },
          // Dropping the January purchase (500 points) is enough to fall below 1,000.
          { type: 'loyalty.tier-review-scheduled', data: { reviewAt: YEAR_LATER } },
        ]),
      );
  });

  it('jumps straight to gold when the points allow it', () => {
    spec
      .given(history(enrol(T0)))
      .when(earn(purchase('p-1', 60_000_000, T0), T0))
      .thenEvents((events) => expect(tierEvents(events)[0].data).toMatchObject({ from: 'bronze', to: 'gold' }));
  });

  it('at a review below the threshold, starts a grace period instead of downgrading', () => {
    const silver = history(enrol(T0), earn(purchase('p-1', 10_000_000, T0), T0));
    spec
      .given(silver)
      .when(due(YEAR_LATER))
      .thenEvents((events) =>
        expect(tierEvents(events)).toEqual([
          {
            type: 'loyalty.tier-grace-started',
            data: { tier: 'silver', threshold: 1_000, rollingPoints: 0, graceEndsAt: GRACE_END, startedAt: YEAR_LATER },
          },
          { type: 'loyalty.tier-review-scheduled', data: { reviewAt: GRACE_END } },
        ]),
      );
  });

  it('downgrades only when the grace period has ended and the threshold is still not met', () => {
    const inGrace = then(history(enrol(T0), earn(purchase('p-1', 10_000_000, T0), T0)), due(YEAR_LATER));
    spec
      .given(inGrace)
      .when(due('2027-04-10T09:59:59.999Z'))
      .thenEvents((events) => expect(tierEvents(events)).toEqual([]));
    spec
      .given(inGrace)
      .when(due(GRACE_END))
      .thenEvents((events) =>
        expect(tierEvents(events)).toEqual([
          {
            type: 'loyalty.tier-changed',
            data: { from: 'silver', to: 'bronze', reason: 'downgrade', rollingPoints: 0, changedAt: GRACE_END },
          },
          { type: 'loyalty.tier-review-scheduled', data: { reviewAt: null } },
        ]),
      );
  });

  it('downgrades to the tier the points still qualify for', () => {
    const gold = history(
      enrol(T0),
      earn(purchase('p-1', 40_000_000, T0), T0),
      earn(purchase('p-2', 15_000_000, '2026-06-01T00:00:00.000Z'), '2026-06-01T00:00:00.000Z'),
    );
    expect(stateOf(gold).tier).toBe('gold');
    const inGrace = then(gold, due(YEAR_LATER));
    spec
      .given(inGrace)
      .when(due(GRACE_END))
      .thenEvents((events) =>
        expect(tierEvents(events)[0].data).toMatchObject({ from: 'gold', to: 'silver', reason: 'downgrade', rollingPoints: 1_500 }),
      );
  });

  it('ends the grace period when the member earns back to the threshold', () => {
    const inGrace = then(history(enrol(T0), earn(purchase('p-1', 10_000_000, T0), T0)), due(YEAR_LATER));
    const at = '2027-02-01T00:00:00.000Z';
    spec
      .given(inGrace)
      .when(earn(purchase('p-2', 10_000_000, at), at))
      .thenEvents((events) =>
        expect(tierEvents(events)).toEqual([
          { type: 'loyalty.tier-grace-ended', data: { tier: 'silver', rollingPoints: 1_000, endedAt: at } },
          { type: 'loyalty.tier-review-scheduled', data: { reviewAt: '2028-02-01T00:00:00.000Z' } },
        ]),
      );
  });

  it('keeps the tier at a review when newer points still meet the threshold, and reschedules', () => {
    const given = history(
      enrol(T0),
      earn(purchase('p-1', 10_000_000, T0), T0),
      earn(purchase('p-2', 10_000_000, '2026-06-01T00:00:00.000Z'), '2026-06-01T00:00:00.000Z'),
    );
    expect(stateOf(given).tierReviewAt).toBe('2027-06-01T00:00:00.000Z');
  });
});

describe('a tier set by a supervisor is a floor', () => {
  it('lifts the tier at once and keeps it from being reviewed', () => {
    spec
      .given(history(enrol(T0)))
      .when(floor('gold'))
      .then([
        { type: 'loyalty.tier-floor-set', data: { tier: 'gold', reason: 'service-recovery', actorId: SUPERVISOR.id, setAt: T0 } },
        { type: 'loyalty.tier-changed', data: { from: 'bronze', to: 'gold', reason: 'floor', rollingPoints: 0, changedAt: T0 } },
      ]);
  });

  it('is for supervisors only, with a reason code', () => {
    spec
      .given(history(enrol(T0)))
      .when(floor('gold', T0, AGENT))
      .thenThrows('loyalty.supervisor-required', 'forbidden');
    spec
      .given(history(enrol(T0)))
      .when({ ...floor('gold'), reason: 'because I say so' } as unknown as AccountCommand)
      .thenThrows('loyalty.reason-required', 'invalid');
  });

  it('stops a downgrade at the floor', () => {
    const gold = history(enrol(T0), earn(purchase('p-1', 50_000_000, T0), T0), floor('silver'));
    expect(stateOf(gold).tier).toBe('gold');
    const inGrace = then(gold, due(YEAR_LATER));
    spec
      .given(inGrace)
      .when(due(GRACE_END))
      .thenEvents((events) =>
        expect(tierEvents(events)).toEqual([
          {
            type: 'loyalty.tier-changed',
            data: { from: 'gold', to: 'silver', reason: 'downgrade', rollingPoints: 0, changedAt: GRACE_END },
          },
          { type: 'loyalty.tier-review-scheduled', data: { reviewAt: null } },
        ]),
      );
  });

  it('ends a grace period when the floor covers the tier', () => {
    const inGrace = then(history(enrol(T0), earn(purchase('p-1', 10_000_000, T0), T0)), due(YEAR_LATER));
    spec
      .given(inGrace)
      .when(floor('silver', '2027-02-01T00:00:00.000Z'))
      .thenEvents((events) =>
        expect(typesOf(tierEvents(events))).toEqual([
          'loyalty.tier-floor-set',
          'loyalty.tier-grace-ended',
          'loyalty.tier-review-scheduled',
        ]),
      );
  });
});

describe('tier progress shown on the account', () => {
  it('shows points to the next tier and points needed to keep the current one', () => {
    const account = stateOf(history(enrol(T0), earn(purchase('p-1', 12_000_000, T0), T0)));
    expect(tierProgress(account, '2026-06-01T00:00:00.000Z', PROGRAM.tiers)).toEqual({
      tier: 'silver',
      tierFloor: null,
      rollingPoints: 1_200,
      nextTier: 'gold',
      pointsToNextTier: 3_800,
      pointsToKeepTier: 0,
      tierAtRiskFrom: YEAR_LATER,
      graceEndsAt: null,
    });
    const inGrace = stateOf(then(history(enrol(T0), earn(purchase('p-1', 12_000_000, T0), T0)), due(YEAR_LATER)));
    expect(tierProgress(inGrace, '2027-02-01T00:00:00.000Z', PROGRAM.tiers)).toMatchObject({
      pointsToKeepTier: 1_000,
      graceEndsAt: GRACE_END,
    });
  });
});
