export interface DealFacts {
  readonly dealId: string;
  readonly customerId: string;
  readonly pipelineId: string;
  readonly title: string;
  readonly amount: number;
  readonly currency: string;
  readonly ownerId: string;
  readonly expectedCloseDate: string;
  readonly source: string;
  readonly stageId: string;
  /** The stage's probability, or the one set by hand since the deal entered the stage. */
  readonly probability: number;
  readonly openedAt: string;
  readonly stageEnteredAt: string;
  /** Activities already logged: logging one again changes nothing. */
  readonly activityIds: readonly string[];
}

export interface DealClosure {
  readonly closedAt: string;
  readonly closeReason: string;
  /** The open stage the deal left when it closed (a reopen returns there by default). */
  readonly closedFromStageId: string;
  readonly cycleTimeMs: number;
}

export type OpenDeal = { readonly status: 'open' } & DealFacts;
export type ClosedDeal = { readonly status: 'won' | 'lost' } & DealFacts & DealClosure;
export type DealState = { readonly status: 'none' } | OpenDeal | ClosedDeal;

export const initialDealState: DealState = { status: 'none' };
