import { DomainError, type Actor, type AggregateType, type Decider } from '@c360/kernel';
import { requireSupervisor } from '../shared/actor';
import {
  DEFAULT_PROGRAM_SETTINGS,
  ENGAGEMENT_RULES,
  type EngagementRule,
  type EngagementRuleName,
  type FraudPolicy,
  type PointsPolicy,
  type ProgramSettings,
  type SpendRule,
  type TierPolicy,
  type TransferPolicy,
} from './program-settings';
import {
  validateEngagementRule,
  validateFraudPolicy,
  validatePointsPolicy,
  validateSpendRule,
  validateTierPolicy,
  validateTransferPolicy,
} from './program-validation';

/** The one programme of the club lives in stream `loyalty-program-default`. */
export const DEFAULT_PROGRAM_ID = 'default';

interface Change {
  readonly actor: Actor;
  readonly changedAt: string;
}

export type ProgramCommand =
  | (Change & { readonly type: 'change-spend-rule'; readonly spendRule: SpendRule })
  | (Change & { readonly type: 'change-engagement-rule'; readonly rule: EngagementRuleName; readonly settings: EngagementRule })
  | (Change & { readonly type: 'change-tier-policy'; readonly tiers: TierPolicy })
  | (Change & { readonly type: 'change-points-policy'; readonly points: PointsPolicy })
  | (Change & { readonly type: 'change-transfer-policy'; readonly transfers: TransferPolicy })
  | (Change & { readonly type: 'change-fraud-policy'; readonly fraud: FraudPolicy });

interface Changed {
  readonly version: number;
  readonly changedBy: string;
  readonly changedAt: string;
}

export type ProgramEvent =
  | { readonly type: 'loyalty.spend-rule-changed'; readonly data: Changed & { readonly spendRule: SpendRule } }
  | {
      readonly type: 'loyalty.engagement-rule-changed';
      readonly data: Changed & { readonly rule: EngagementRuleName; readonly settings: EngagementRule };
    }
  | { readonly type: 'loyalty.tier-policy-changed'; readonly data: Changed & { readonly tiers: TierPolicy } }
  | { readonly type: 'loyalty.points-policy-changed'; readonly data: Changed & { readonly points: PointsPolicy } }
  | { readonly type: 'loyalty.transfer-policy-changed'; readonly data: Changed & { readonly transfers: TransferPolicy } }
  | { readonly type: 'loyalty.fraud-policy-changed'; readonly data: Changed & { readonly fraud: FraudPolicy } };

/** The programme's state is simply its current settings; an empty stream holds the defaults (version 0). */
export type ProgramState = ProgramSettings;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const loyaltyProgramDecider: Decider<ProgramCommand, ProgramEvent, ProgramState> = {
  initialState: DEFAULT_PROGRAM_SETTINGS,

  decide(command, state) {
    requireSupervisor(command.actor, 'change the loyalty programme');
    const changed = { version: state.version + 1, changedBy: command.actor.id, changedAt: command.changedAt };
    // Saving the settings that are already in force is not a change: no event, no new version.
    switch (command.type) {
      case 'change-spend-rule':
        validateSpendRule(command.spendRule);
        return same(command.spendRule, state.spendRule)
          ? []
          : [{ type: 'loyalty.spend-rule-changed', data: { ...changed, spendRule: command.spendRule } }];
      case 'change-engagement-rule':
        if (!ENGAGEMENT_RULES.includes(command.rule)) {
          throw new DomainError('loyalty.unknown-engagement-rule', `No engagement rule "${command.rule}"`, 'invalid', {
            rule: command.rule,
          });
        }
        validateEngagementRule(command.rule, command.settings);
        return same(command.settings, state.engagementRules[command.rule])
          ? []
          : [{ type: 'loyalty.engagement-rule-changed', data: { ...changed, rule: command.rule, settings: command.settings } }];
      case 'change-tier-policy':
        validateTierPolicy(command.tiers);
        return same(command.tiers, state.tiers)
          ? []
          : [{ type: 'loyalty.tier-policy-changed', data: { ...changed, tiers: command.tiers } }];
      case 'change-points-policy':
        validatePointsPolicy(command.points);
        return same(command.points, state.points)
          ? []
          : [{ type: 'loyalty.points-policy-changed', data: { ...changed, points: command.points } }];
      case 'change-transfer-policy':
        validateTransferPolicy(command.transfers);
        return same(command.transfers, state.transfers)
          ? []
          : [{ type: 'loyalty.transfer-policy-changed', data: { ...changed, transfers: command.transfers } }];
      case 'change-fraud-policy':
        validateFraudPolicy(command.fraud);
        return same(command.fraud, state.fraud)
          ? []
          : [{ type: 'loyalty.fraud-policy-changed', data: { ...changed, fraud: command.fraud } }];
    }
  },

  evolve(state, event) {
    const version = event.data.version;
    switch (event.type) {
      case 'loyalty.spend-rule-changed':
        return { ...state, version, spendRule: event.data.spendRule };
      case 'loyalty.engagement-rule-changed':
        return { ...state, version, engagementRules: { ...state.engagementRules, [event.data.rule]: event.data.settings } };
      case 'loyalty.tier-policy-changed':
        return { ...state, version, tiers: event.data.tiers };
      case 'loyalty.points-policy-changed':
        return { ...state, version, points: event.data.points };
      case 'loyalty.transfer-policy-changed':
        return { ...state, version, transfers: event.data.transfers };
      case 'loyalty.fraud-policy-changed':
        return { ...state, version, fraud: event.data.fraud };
    }
  },
};

export const PROGRAM_EVENT_TYPES = [
  'loyalty.spend-rule-changed',
  'loyalty.engagement-rule-changed',
  'loyalty.tier-policy-changed',
  'loyalty.points-policy-changed',
  'loyalty.transfer-policy-changed',
  'loyalty.fraud-policy-changed',
] as const satisfies readonly ProgramEvent['type'][];

export const loyaltyProgram: AggregateType<ProgramCommand, ProgramEvent, ProgramState> = {
  name: 'loyalty-program',
  decider: loyaltyProgramDecider,
  eventSchemas: Object.fromEntries(PROGRAM_EVENT_TYPES.map((type) => [type, 1])) as Record<ProgramEvent['type'], number>,
};
