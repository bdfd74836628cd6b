/**
 * Deal events carry the deal's figures that a reader needs to fold them on its own (amount, currency,
 * probability before and after, stage left and entered, time spent there): the board, the owners'
 * performance and the "as of" rebuild each read one event at a time.
 */

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type DealOpened = {
  readonly type: 'sales.deal-opened';
  readonly data: {
    readonly dealId: string;
    readonly customerId: string;
    readonly pipelineId: string;
    readonly stageId: string;
    readonly probability: number;
    readonly title: string;
    readonly amount: number;
    readonly currency: string;
    readonly ownerId: string;
    readonly expectedCloseDate: string;
    readonly source: string;
    readonly openedAt: string;
  };
};

export type DealStageChanged = {
  readonly type: 'sales.deal-stage-changed';
  readonly data: {
    readonly dealId: string;
    readonly pipelineId: string;
    readonly fromStageId: string;
    readonly toStageId: string;
    readonly direction: 'forward' | 'backward';
    readonly probability: number;
    readonly previousProbability: number;
    readonly amount: number;
    readonly currency: string;
    /** Time spent in `fromStageId` since the deal entered it. */
    readonly timeInStageMs: number;
    readonly changedAt: string;
  };
};

/** Shared by won and lost: the close of a deal. */
interface DealClosedData {
  readonly dealId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
  readonly ownerId: string;
  readonly pipelineId: string;
  /** The won (or lost) stage. */
  readonly stageId: string;
  readonly fromStageId: string;
  readonly previousProbability: number;
  readonly reason: string;
  readonly openedAt: string;
  /** From open to close. */
  readonly cycleTimeMs: number;
  readonly timeInStageMs: number;
}

/** Consumed by loyalty and sales' own purchase recorder: `dealId, customerId, amount, currency, wonAt, ownerId` are a contract. */
export type DealWon = { readonly type: 'sales.deal-won'; readonly data: DealClosedData & { readonly wonAt: string } };
export type DealLost = { readonly type: 'sales.deal-lost'; readonly data: DealClosedData & { readonly lostAt: string } };

export type DealReopened = {
  readonly type: 'sales.deal-reopened';
  readonly data: {
    readonly dealId: string;
    readonly customerId: string;
    readonly pipelineId: string;
    /** The won or lost stage the deal leaves. */
    readonly fromStageId: string;
    readonly stageId: string;
    readonly probability: number;
    readonly amount: number;
    readonly currency: string;
    readonly ownerId: string;
    readonly previousOutcome: 'won' | 'lost';
    readonly previousClosedAt: string;
    readonly previousCycleTimeMs: number;
    readonly reason: string | null;
    readonly timeInStageMs: number;
    readonly reopenedAt: string;
  };
};

export type DealAmountChanged = {
  readonly type: 'sales.deal-amount-changed';
  readonly data: {
    readonly dealId: string;
    readonly pipelineId: string;
    readonly stageId: string;
    readonly probability: number;
    readonly amount: number;
    readonly currency: string;
    readonly previousAmount: number;
    readonly previousCurrency: string;
    readonly changedAt: string;
  };
};

export type DealOwnerChanged = {
  readonly type: 'sales.deal-owner-changed';
  readonly data: {
    readonly dealId: string;
    readonly pipelineId: string;
    readonly ownerId: string;
    readonly previousOwnerId: string;
    readonly changedAt: string;
  };
};

export type DealProbabilityChanged = {
  readonly type: 'sales.deal-probability-changed';
  readonly data: {
    readonly dealId: string;
    readonly pipelineId: string;
    readonly stageId: string;
    readonly amount: number;
    readonly currency: string;
    readonly probability: number;
    readonly previousProbability: number;
    readonly changedAt: string;
  };
};

export type DealCloseDateChanged = {
  readonly type: 'sales.deal-close-date-changed';
  readonly data: {
    readonly dealId: string;
    readonly expectedCloseDate: string;
    readonly previousExpectedCloseDate: string;
    readonly changedAt: string;
  };
};

export type DealActivityLogged = {
  readonly type: 'sales.deal-activity-logged';
  readonly data: {
    readonly dealId: string;
    readonly customerId: string;
    readonly activityId: string;
    readonly kind: ActivityKind;
    readonly subject: string;
    readonly notes: string | null;
    /** When the call, meeting, e-mail or note happened. */
    readonly activityAt: string;
    readonly loggedBy: string;
    readonly loggedAt: string;
  };
};

export type DealEvent =
  | DealOpened
  | DealStageChanged
  | DealWon
  | DealLost
  | DealReopened
  | DealAmountChanged
  | DealOwnerChanged
  | DealProbabilityChanged
  | DealCloseDateChanged
  | DealActivityLogged;

export const DEAL_EVENT_TYPES = [
  'sales.deal-opened',
  'sales.deal-stage-changed',
  'sales.deal-won',
  'sales.deal-lost',
  'sales.deal-reopened',
  'sales.deal-amount-changed',
  'sales.deal-owner-changed',
  'sales.deal-probability-changed',
  'sales.deal-close-date-changed',
  'sales.deal-activity-logged',
] as const satisfies readonly DealEvent['type'][];
