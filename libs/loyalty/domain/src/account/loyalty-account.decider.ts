import type { AggregateType, Decider } from '@c360/kernel';
import { normaliseInstant } from '../shared/time';
import type { AccountCommand } from './account.commands';
import { ACCOUNT_EVENT_TYPES, type AccountEvent, type EnrolmentSource, type MergeSnapshot } from './account.events';
import { evolveAccount } from './account.evolve';
import type { AccountState } from './account.types';
import { Decision, requireActive } from './decision';
import { settleDebt } from './debt';
import { earnForEngagement, earnForPurchase, earnFromPartner, receiveTransfer } from './decide-earning';
import { raiseFraudFlag, reviewFraudFlag } from './decide-fraud';
import { closeForErasure, moveLotsOut, receiveMergedLots, restoreMergedLots, returnMergedLots } from './decide-membership';
import { adjustPoints, cancelRedemption, redeemPoints, takeBackForRefund, transferPoints, voidRedemption } from './decide-spending';
import { setTierFloor } from './decide-tier';
import { catchUp, processDueItems } from './decide-time';

/**
 * Runs one rule on the caught-up state of an active account (auto-enrolling first when asked).
 * When the rule decides nothing, the catch-up events are dropped too: a repeated command stays a
 * no-op, and the scheduler records them for accounts nobody touches.
 */
function onActive(
  state: AccountState,
  now: string,
  rule: (decision: Decision) => void,
  enrol?: { customerId: string; source: EnrolmentSource },
): readonly AccountEvent[] {
  const decision = new Decision(state);
  if (state.status === 'none' && enrol) {
    decision.emit({ type: 'loyalty.account-enrolled', data: { customerId: enrol.customerId, enrolledAt: now, source: enrol.source } });
  }
  requireActive(decision.state);
  const enrolment = decision.events.length;
  catchUp(decision, now);
  const caughtUp = decision.events.length;
  rule(decision);
  return decision.events.length === caughtUp ? decision.events.slice(0, enrolment) : decision.events;
}

/** Runs a rule on any enrolled account, without catch-up (merges bookkeeping, erasure, fraud flags). */
function onEnrolled(state: AccountState, rule: (decision: Decision) => void): readonly AccountEvent[] {
  if (state.status === 'none') return [];
  const decision = new Decision(state);
  rule(decision);
  return decision.events;
}

function isEmptySnapshot(snapshot: MergeSnapshot): boolean {
  return snapshot.lots.length === 0 && snapshot.purchases.length === 0 && snapshot.tierEarnings.length === 0 && snapshot.debt === 0;
}

export const loyaltyAccountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const now = normaliseInstant(command.now);
    switch (command.type) {
      case 'enrol':
        return state.status === 'none'
          ? [{ type: 'loyalty.account-enrolled', data: { customerId: command.customerId, enrolledAt: now, source: command.source } }]
          : [];
      case 'earn-for-purchase':
        return onActive(state, now, (d) => earnForPurchase(d, command.purchase, now, command.program), {
          customerId: command.customerId,
          source: 'purchase',
        });
      case 'take-back-for-refund':
        return onActive(state, now, (d) => takeBackForRefund(d, command.refund, now, command.program));
      case 'earn-for-engagement':
        return onActive(
          state,
          now,
          (d) => earnForEngagement(d, { ...command, now }),
          command.autoEnrol ? { customerId: command.customerId, source: 'engagement' } : undefined,
        );
      case 'earn-from-partner':
        // Partners earn for shared members only: no enrolment through a partner.
        return onActive(state, now, (d) => earnFromPartner(d, { ...command, now }));
      case 'adjust-points':
        return onActive(state, now, (d) => adjustPoints(d, { ...command, now }));
      case 'redeem-points':
        return onActive(state, now, (d) => redeemPoints(d, { ...command, now }));
      case 'cancel-redemption':
        return onActive(state, now, (d) => cancelRedemption(d, { ...command, now }));
      case 'void-redemption':
        return onEnrolled(state, (d) => voidRedemption(d, { ...command, now }));
      case 'transfer-points':
        return onActive(state, now, (d) => transferPoints(d, { ...command, now }));
      case 'receive-transfer':
        return onActive(state, now, (d) => receiveTransfer(d, { ...command, now }));
      case 'set-tier-floor':
        return onActive(state, now, (d) => setTierFloor(d, { ...command, now }, command.program.tiers));
      case 'process-due-items':
        return onEnrolled(state, (d) => processDueItems(d, now, command.program));
      case 'move-lots-out': {
        // A customer without an account still leaves a pointer to the survivor, so that late events
        // under the absorbed id (a purchase recorded before the merge) reach the survivor's account.
        const decision = new Decision(state);
        if (state.status === 'none') {
          decision.emit({ type: 'loyalty.account-enrolled', data: { customerId: command.customerId, enrolledAt: now, source: 'merge' } });
        }
        if (decision.account.status === 'active') moveLotsOut(decision, { ...command, now });
        return decision.events;
      }
      case 'receive-merged-lots':
        if (state.status === 'none' && isEmptySnapshot(command.snapshot)) return [];
        return onActive(state, now, (d) => receiveMergedLots(d, { ...command, now }), { customerId: command.customerId, source: 'merge' });
      case 'return-merged-lots':
        return onActive(state, now, (d) => returnMergedLots(d, { ...command, now }));
      case 'restore-merged-lots':
        return onEnrolled(state, (d) => restoreMergedLots(d, { ...command, now }));
      case 'close-for-erasure':
        return onEnrolled(state, (d) => closeForErasure(d, now));
      case 'raise-fraud-flag':
        return onEnrolled(state, (d) => raiseFraudFlag(d, { ...command, now }));
      case 'review-fraud-flag':
        return onEnrolled(state, (d) => {
          reviewFraudFlag(d, { ...command, now });
          if (d.account.status === 'active') settleDebt(d, now);
        });
    }
  },

  evolve: evolveAccount,
};

export const loyaltyAccount: AggregateType<AccountCommand, AccountEvent, AccountState> = {
  name: 'loyalty-account',
  decider: loyaltyAccountDecider,
  eventSchemas: Object.fromEntries(ACCOUNT_EVENT_TYPES.map((type) => [type, 1])) as Record<AccountEvent['type'], number>,
};
