import { deciderSpec } from '@c360/kernel/testing';
import {
  AGENT,
  OTHER,
  PROGRAM,
  SUPERVISOR,
  credit,
  decide,
  enrol,
  history,
  lotId,
  stateOf,
  withProgram,
} from '../testing/account-fixtures';
import type { AccountCommand } from './account.commands';
import { loyaltyAccountDecider } from './loyalty-account.decider';
import { spendablePoints } from './lot-math';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-03-10T09:00:00.000Z';
const adjust = (points: number, overrides: Partial<Extract<AccountCommand, { type: 'adjust-points' }>> = {}): AccountCommand => ({
  type: 'adjust-points',
  adjustmentId: `adj-${points}`,
  points,
  reason: 'correction',
  reference: 'TICKET-42',
  actor: SUPERVISOR,
  now: T0,
  program: PROGRAM,
  ...overrides,
});
const transfer = (points: number, transferId = `t-${points}`, now = T0, program = PROGRAM): AccountCommand => ({
  type: 'transfer-points',
  transferId,
  toCustomerId: OTHER,
  points,
  now,
  program,
});

describe('manual adjustments', () => {
  it('are for supervisors only', () => {
    spec
      .given(history(enrol(T0)))
      .when(adjust(50, { actor: AGENT }))
      .thenThrows('loyalty.supervisor-required', 'forbidden');
  });

  it('need a reason code and an identifier-like reference', () => {
    spec
      .given(history(enrol(T0)))
      .when(adjust(50, { reason: '' as never }))
      .thenThrows('loyalty.reason-required');
    spec
      .given(history(enrol(T0)))
      .when(adjust(50, { reference: 'called, was upset' }))
      .thenThrows('loyalty.invalid-reference');
  });

  it('credit a new available lot', () => {
    spec
      .given(history(enrol(T0)))
      .when(adjust(50))
      .thenEvents(([event]) =>
        expect(event).toEqual({
          type: 'loyalty.points-adjusted',
          data: {
            adjustmentId: 'adj-50',
            points: 50,
            reason: 'correction',
            reference: 'TICKET-42',
            actorId: SUPERVISOR.id,
            adjustedAt: T0,
            lot: {
              lotId: lotId('adjustment', 'adj-50'),
              points: 50,
              earnedAt: T0,
              unlockAt: T0,
              expiresAt: '2027-03-10T09:00:00.000Z',
              warnAt: '2027-02-08T09:00:00.000Z',
              status: 'available',
            },
            draws: [],
          },
        }),
      );
  });

  it('debit from the lots expiring soonest, never beyond the balance', () => {
    const given = history(enrol(T0), credit('a-1', 30, T0), credit('a-2', 30, '2026-04-01T00:00:00.000Z'));
    spec
      .given(given)
      .when(adjust(-61, { now: '2026-04-01T00:00:00.000Z' }))
      .thenThrows('loyalty.insufficient-points');
    spec
      .given(given)
      .when(adjust(-40, { now: '2026-04-01T00:00:00.000Z' }))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({
          points: -40,
          lot: null,
          draws: [
            { lotId: lotId('adjustment', 'a-1'), points: 30 },
            { lotId: lotId('adjustment', 'a-2'), points: 10 },
          ],
        }),
      );
  });
});

describe('transfers between members', () => {
  it('send spendable points, each draw with the expiry of its lot', () => {
    spec
      .given(history(enrol(T0), credit('a-1', 100, T0)))
      .when(transfer(40))
      .then([
        {
          type: 'loyalty.points-transferred-out',
          data: {
            transferId: 't-40',
            toCustomerId: OTHER,
            points: 40,
            draws: [{ lotId: lotId('adjustment', 'a-1'), points: 40, expiresAt: '2027-03-10T09:00:00.000Z' }],
            transferredAt: T0,
          },
        },
      ]);
  });

  it('are limited per transfer and per calendar month', () => {
    const program = withProgram((p) => ({
      transfers: { ...p.transfers, minPoints: 10, maxPointsPerTransfer: 100, maxPointsPerMonth: 150 },
    }));
    const given = history(enrol(T0), credit('a-1', 1_000, T0), transfer(100, 't-1', T0, program));
    spec
      .given(given)
      .when(transfer(5, 't-2', T0, program))
      .thenThrows('loyalty.transfer-limit', 'invalid');
    spec
      .given(given)
      .when(transfer(101, 't-2', T0, program))
      .thenThrows('loyalty.transfer-limit', 'invalid');
    const monthly = spec
      .given(given)
      .when(transfer(60, 't-2', T0, program))
      .thenThrows('loyalty.transfer-limit', 'conflict');
    expect(monthly.details).toMatchObject({ remainingThisMonth: 50 });
    spec
      .given(given)
      .when(transfer(60, 't-2', '2026-04-01T00:00:00.000Z', program))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('cannot go to oneself, beyond the spendable balance, or when switched off', () => {
    const given = history(enrol(T0), credit('a-1', 30, T0));
    spec
      .given(given)
      .when({ ...transfer(20), toCustomerId: stateOf(given).customerId } as AccountCommand)
      .thenThrows('loyalty.transfer-to-self');
    spec.given(given).when(transfer(31)).thenThrows('loyalty.insufficient-points');
    const off = withProgram((p) => ({ transfers: { ...p.transfers, enabled: false } }));
    spec
      .given(given)
      .when(transfer(20, 't', T0, off))
      .thenThrows('loyalty.transfers-disabled');
  });

  it('are received as lots keeping the sender’s expiry, not counting for the tier', () => {
    const received = history(enrol(T0, OTHER), {
      type: 'receive-transfer',
      transferId: 't-1',
      fromCustomerId: 'cust-1',
      portions: [
        { points: 30, expiresAt: '2027-01-01T00:00:00.000Z' },
        { points: 10, expiresAt: '2026-12-01T00:00:00.000Z' },
      ],
      now: T0,
      program: PROGRAM,
    });
    expect(received[1]).toMatchObject({
      type: 'loyalty.points-transferred-in',
      data: {
        points: 40,
        lots: [
          { lotId: lotId('transfer', 't-1/0', OTHER), points: 10, expiresAt: '2026-12-01T00:00:00.000Z' },
          { lotId: lotId('transfer', 't-1/1', OTHER), points: 30, expiresAt: '2027-01-01T00:00:00.000Z' },
        ],
      },
    });
    const account = stateOf(received);
    expect(spendablePoints(account, T0)).toBe(40);
    expect(account.tierEarnings).toEqual([]);
    expect(
      decide(received, {
        type: 'receive-transfer',
        transferId: 't-1',
        fromCustomerId: 'cust-1',
        portions: [{ points: 1, expiresAt: '2027-01-01T00:00:00.000Z' }],
        now: T0,
        program: PROGRAM,
      }),
    ).toEqual([]);
  });
});
