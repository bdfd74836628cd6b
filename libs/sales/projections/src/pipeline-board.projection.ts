import type { DocumentProjection } from '@c360/kernel';
import { evolvePipeline, type PipelineEvent, type PipelineStage, type StageKind, type DealEvent } from '@c360/sales-domain';

/** Open deals of one currency in one stage. `weightedTimes100` = Σ amount × probability (exact; ÷100 on read). */
export interface StageTotals {
  readonly count: number;
  readonly amount: number;
  readonly weightedTimes100: number;
}

export interface BoardStage {
  readonly stageId: string;
  readonly name: string;
  readonly kind: StageKind;
  readonly probability: number;
  readonly retired: boolean;
  /** Per currency: amounts in different currencies are never added together. */
  readonly totals: Readonly<Record<string, StageTotals>>;
}

export interface PipelineBoardDocument {
  readonly pipelineId: string;
  readonly name: string;
  readonly stages: readonly BoardStage[];
  readonly updatedAt: string;
}

const PIPELINE_EVENTS = [
  'sales.pipeline-defined',
  'sales.pipeline-renamed',
  'sales.pipeline-stage-added',
  'sales.pipeline-stage-changed',
  'sales.pipeline-stages-reordered',
  'sales.pipeline-stage-retired',
] as const;

const DEAL_EVENTS = [
  'sales.deal-opened',
  'sales.deal-stage-changed',
  'sales.deal-won',
  'sales.deal-lost',
  'sales.deal-reopened',
  'sales.deal-amount-changed',
  'sales.deal-probability-changed',
] as const;

/** The deal events that move money between stages (all carry the deal's pipeline). */
type BoardDealEvent = Extract<DealEvent, { type: (typeof DEAL_EVENTS)[number] }>;

/** One contribution of a deal to a stage: added (+1) or taken away (−1). */
interface Move {
  readonly stageId: string;
  readonly currency: string;
  readonly amount: number;
  readonly probability: number;
  readonly sign: 1 | -1;
}

/**
 * The pipeline board: per pipeline, its stages in board order with count, total amount and weighted
 * forecast of the deals in each, per currency. A deal carries the probability it entered its stage
 * with (or one set by hand); changing a stage's probability applies to deals entering it afterwards,
 * as in Salesforce — so every figure follows from the events alone and rebuilds the same "as of" any
 * date (docs/contexts/sales.md).
 */
export const pipelineBoardProjection: DocumentProjection<PipelineBoardDocument, PipelineEvent | BoardDealEvent> = {
  name: 'sales-pipeline-board',
  version: 1,
  handles: [...PIPELINE_EVENTS, ...DEAL_EVENTS],
  documentIds: (event) => [event.data.pipelineId],
  evolve(doc, event, pipelineId) {
    const board = doc ?? { pipelineId, name: '', stages: [], updatedAt: event.occurredAt };
    if (isPipelineEvent(event)) return { ...configure(board, event), updatedAt: event.occurredAt };
    return { ...board, stages: applyMoves(board.stages, movesOf(event)), updatedAt: event.occurredAt };
  },
};

/** Stage configuration follows the pipeline decider's own evolve; totals stay with their stage id. */
function configure(board: PipelineBoardDocument, event: PipelineEvent): PipelineBoardDocument {
  const current = board.stages.map(({ totals: _totals, ...stage }): PipelineStage => stage);
  const state =
    event.type === 'sales.pipeline-defined'
      ? evolvePipeline({ status: 'none' }, event)
      : evolvePipeline({ status: 'defined', pipelineId: board.pipelineId, name: board.name, stages: current }, event);
  if (state.status !== 'defined') return board;
  const totals = new Map(board.stages.map((stage) => [stage.stageId, stage.totals]));
  const configured = state.stages.map((stage) => ({ ...stage, totals: totals.get(stage.stageId) ?? {} }));
  // Deal events seen before the definition (never in one log, but a rebuild must not lose them).
  const orphans = board.stages.filter((stage) => !configured.some((s) => s.stageId === stage.stageId));
  return { ...board, name: state.name, stages: [...configured, ...orphans] };
}

function isPipelineEvent(event: PipelineEvent | BoardDealEvent): event is PipelineEvent {
  return (PIPELINE_EVENTS as readonly string[]).includes(event.type);
}

function movesOf(event: BoardDealEvent): Move[] {
  switch (event.type) {
    case 'sales.deal-opened': {
      const d = event.data;
      return [{ stageId: d.stageId, currency: d.currency, amount: d.amount, probability: d.probability, sign: 1 }];
    }
    case 'sales.deal-stage-changed': {
      const d = event.data;
      return [
        { stageId: d.fromStageId, currency: d.currency, amount: d.amount, probability: d.previousProbability, sign: -1 },
        { stageId: d.toStageId, currency: d.currency, amount: d.amount, probability: d.probability, sign: 1 },
      ];
    }
    case 'sales.deal-won':
    case 'sales.deal-lost': {
      const d = event.data;
      return [
        { stageId: d.fromStageId, currency: d.currency, amount: d.amount, probability: d.previousProbability, sign: -1 },
        { stageId: d.stageId, currency: d.currency, amount: d.amount, probability: event.type === 'sales.deal-won' ? 100 : 0, sign: 1 },
      ];
    }
    case 'sales.deal-reopened': {
      const d = event.data;
      return [
        { stageId: d.fromStageId, currency: d.currency, amount: d.amount, probability: d.previousOutcome === 'won' ? 100 : 0, sign: -1 },
        { stageId: d.stageId, currency: d.currency, amount: d.amount, probability: d.probability, sign: 1 },
      ];
    }
    case 'sales.deal-amount-changed': {
      const d = event.data;
      return [
        { stageId: d.stageId, currency: d.previousCurrency, amount: d.previousAmount, probability: d.probability, sign: -1 },
        { stageId: d.stageId, currency: d.currency, amount: d.amount, probability: d.probability, sign: 1 },
      ];
    }
    case 'sales.deal-probability-changed': {
      const d = event.data;
      return [
        { stageId: d.stageId, currency: d.currency, amount: d.amount, probability: d.previousProbability, sign: -1 },
        { stageId: d.stageId, currency: d.currency, amount: d.amount, probability: d.probability, sign: 1 },
      ];
    }
    default:
      return [];
  }
}

function applyMoves(stages: readonly BoardStage[], moves: readonly Move[]): BoardStage[] {
  let result = [...stages];
  for (const move of moves) {
    if (!result.some((stage) => stage.stageId === move.stageId)) {
      result = [
        ...result,
        { stageId: move.stageId, name: move.stageId, kind: 'open', probability: move.probability, retired: false, totals: {} },
      ];
    }
    result = result.map((stage) => (stage.stageId === move.stageId ? { ...stage, totals: addTo(stage.totals, move) } : stage));
  }
  return result;
}

function addTo(totals: Readonly<Record<string, StageTotals>>, move: Move): Record<string, StageTotals> {
  const before = totals[move.currency] ?? { count: 0, amount: 0, weightedTimes100: 0 };
  const after = {
    count: before.count + move.sign,
    amount: before.amount + move.sign * move.amount,
    weightedTimes100: before.weightedTimes100 + move.sign * move.amount * move.probability,
  };
  const { [move.currency]: _previous, ...others } = totals;
  return after.count === 0 && after.amount === 0 ? others : { ...others, [move.currency]: after };
}
