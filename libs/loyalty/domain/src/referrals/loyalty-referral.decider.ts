import type { AggregateType, Decider } from '@c360/kernel';
import { normaliseInstant } from '../shared/time';

/**
 * One referral per referee (stream `loyalty-referral-<refereeId>`): who referred them, and whether
 * their first purchase after the referral has qualified it for the referral bonuses. A self-referral
 * or a referral closing a ring is recorded as suspicious and never qualifies.
 */
export type ReferralSuspicion = 'self-referral' | 'referral-ring';

export type ReferralCommand =
  | {
      readonly type: 'record-referral';
      readonly refereeId: string;
      readonly referrerId: string;
      readonly referredAt: string;
      /** Members of a referral cycle the application found by following referrers (empty when none). */
      readonly ring: readonly string[];
    }
  | { readonly type: 'qualify-referral'; readonly purchaseId: string; readonly now: string };

export type ReferralEvent =
  | {
      readonly type: 'loyalty.referral-recorded';
      readonly data: {
        readonly refereeId: string;
        readonly referrerId: string;
        readonly referredAt: string;
        readonly suspicion: ReferralSuspicion | null;
        readonly ringMembers: readonly string[];
      };
    }
  | {
      readonly type: 'loyalty.referral-qualified';
      readonly data: { readonly refereeId: string; readonly referrerId: string; readonly purchaseId: string; readonly qualifiedAt: string };
    };

export type ReferralState =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded' | 'qualified';
      readonly refereeId: string;
      readonly referrerId: string;
      readonly suspicion: ReferralSuspicion | null;
    };

export const loyaltyReferralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'record-referral': {
        if (state.status !== 'none') return []; // the first referral of a customer is the one that counts
        const suspicion: ReferralSuspicion | null =
          command.refereeId === command.referrerId ? 'self-referral' : command.ring.length > 0 ? 'referral-ring' : null;
        return [
          {
            type: 'loyalty.referral-recorded',
            data: {
              refereeId: command.refereeId,
              referrerId: command.referrerId,
              referredAt: normaliseInstant(command.referredAt),
              suspicion,
              ringMembers: suspicion === 'self-referral' ? [command.refereeId] : [...command.ring],
            },
          },
        ];
      }
      case 'qualify-referral':
        if (state.status !== 'recorded' || state.suspicion !== null) return [];
        return [
          {
            type: 'loyalty.referral-qualified',
            data: {
              refereeId: state.refereeId,
              referrerId: state.referrerId,
              purchaseId: command.purchaseId,
              qualifiedAt: normaliseInstant(command.now),
            },
          },
        ];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'loyalty.referral-recorded':
        return { status: 'recorded', refereeId: event.data.refereeId, referrerId: event.data.referrerId, suspicion: event.data.suspicion };
      case 'loyalty.referral-qualified':
        return state.status === 'none' ? state : { ...state, status: 'qualified' };
    }
  },
};

export const loyaltyReferral: AggregateType<ReferralCommand, ReferralEvent, ReferralState> = {
  name: 'loyalty-referral',
  decider: loyaltyReferralDecider,
  eventSchemas: { 'loyalty.referral-recorded': 1, 'loyalty.referral-qualified': 1 },
};
