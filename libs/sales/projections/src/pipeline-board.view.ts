import type { PipelineBoardDocument, StageTotals } from './pipeline-board.projection';

export interface CurrencyTotals {
  readonly currency: string;
  readonly count: number;
  readonly amount: number;
  /** Σ amount × probability, rounded to whole minor units. */
  readonly weightedForecast: number;
}

export interface BoardStageView {
  readonly stageId: string;
  readonly name: string;
  readonly kind: 'open' | 'won' | 'lost';
  readonly probability: number;
  readonly retired: boolean;
  readonly count: number;
  readonly totals: readonly CurrencyTotals[];
}

export interface PipelineBoardView {
  readonly pipelineId: string;
  readonly name: string;
  readonly stages: readonly BoardStageView[];
  /** The forecast: open stages only (won is already revenue, lost never will be), per currency. */
  readonly openTotals: readonly CurrencyTotals[];
}

function toList(totals: Readonly<Record<string, StageTotals>>): CurrencyTotals[] {
  return Object.entries(totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, count: t.count, amount: t.amount, weightedForecast: Math.round(t.weightedTimes100 / 100) }));
}

/** What the board endpoint answers. A retired stage shows only while deals are still in it. */
export function pipelineBoardView(doc: PipelineBoardDocument): PipelineBoardView {
  const stages = doc.stages
    .map((stage) => {
      const totals = toList(stage.totals);
      return {
        stageId: stage.stageId,
        name: stage.name,
        kind: stage.kind,
        probability: stage.probability,
        retired: stage.retired,
        count: totals.reduce((sum, t) => sum + t.count, 0),
        totals,
      };
    })
    .filter((stage) => !stage.retired || stage.count > 0);
  const open: Record<string, StageTotals> = {};
  for (const stage of doc.stages.filter((s) => s.kind === 'open')) {
    for (const [currency, t] of Object.entries(stage.totals)) {
      const sum = open[currency] ?? { count: 0, amount: 0, weightedTimes100: 0 };
      open[currency] = {
        count: sum.count + t.count,
        amount: sum.amount + t.amount,
        weightedTimes100: sum.weightedTimes100 + t.weightedTimes100,
      };
    }
  }
  return { pipelineId: doc.pipelineId, name: doc.name, stages, openTotals: toList(open) };
}
