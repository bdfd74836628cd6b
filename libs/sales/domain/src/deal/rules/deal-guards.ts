import { DomainError } from '@c360/kernel';
import { activeOpenStages, findStage, type PipelineSnapshot, type PipelineStage } from '../../pipeline/pipeline.types';
import type { ClosedDeal, DealState, OpenDeal } from '../deal.state';

export function requireDeal(state: DealState): OpenDeal | ClosedDeal {
  if (state.status === 'none') throw new DomainError('sales.deal-not-found', 'No such deal', 'not-found');
  return state;
}

export function requireOpenDeal(state: DealState): OpenDeal {
  const deal = requireDeal(state);
  if (deal.status !== 'open') {
    throw new DomainError('sales.deal-closed', `The deal is ${deal.status}; reopen it first`, 'conflict', { status: deal.status });
  }
  return deal;
}

export function requireOwnPipeline(deal: OpenDeal | ClosedDeal, pipeline: PipelineSnapshot): void {
  if (pipeline.pipelineId !== deal.pipelineId) {
    throw new DomainError('sales.pipeline-mismatch', `The deal belongs to pipeline ${deal.pipelineId}`, 'conflict');
  }
}

/** A stage a deal may enter by a move, an open or a reopen: open and not retired. */
export function requireEnterableStage(pipeline: PipelineSnapshot, stageId: string, field = 'stageId'): PipelineStage {
  const stage = findStage(pipeline, stageId);
  if (!stage) throw new DomainError('sales.unknown-stage', `Pipeline "${pipeline.name}" has no stage "${stageId}"`, 'invalid', { field });
  if (stage.kind !== 'open') {
    throw new DomainError(
      'sales.use-win-or-lose',
      `A deal enters the ${stage.kind} stage by winning or losing it, with a reason`,
      'invalid',
      { field },
    );
  }
  if (stage.retired) throw new DomainError('sales.stage-retired', `Stage "${stageId}" is retired`, 'invalid', { field });
  return stage;
}

export function firstOpenStage(pipeline: PipelineSnapshot): PipelineStage {
  const [first] = activeOpenStages(pipeline);
  if (!first) throw new TypeError(`Pipeline ${pipeline.pipelineId} has no active open stage`);
  return first;
}

export function requireProbability(probability: number): void {
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
    throw new DomainError('sales.invalid-probability', 'probability must be a whole percentage from 0 to 100', 'invalid', {
      field: 'probability',
    });
  }
}
