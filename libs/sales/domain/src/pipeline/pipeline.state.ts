import type { PipelineEvent } from './pipeline.events';
import type { PipelineSnapshot, PipelineStage } from './pipeline.types';

export type PipelineState = { readonly status: 'none' } | ({ readonly status: 'defined' } & PipelineSnapshot);

export const initialPipelineState: PipelineState = { status: 'none' };

/** Open stages in order, then won, then lost: the one board order every reader relies on. */
export function boardOrder(stages: readonly PipelineStage[]): PipelineStage[] {
  return [
    ...stages.filter((s) => s.kind === 'open'),
    ...stages.filter((s) => s.kind === 'won'),
    ...stages.filter((s) => s.kind === 'lost'),
  ];
}

export function evolvePipeline(state: PipelineState, event: PipelineEvent): PipelineState {
  if (event.type === 'sales.pipeline-defined') {
    const { pipelineId, name, stages } = event.data;
    return { status: 'defined', pipelineId, name, stages: boardOrder(stages.map((stage) => ({ ...stage, retired: false }))) };
  }
  if (state.status !== 'defined') return state;
  switch (event.type) {
    case 'sales.pipeline-renamed':
      return { ...state, name: event.data.name };
    case 'sales.pipeline-stage-added': {
      const added: PipelineStage = { ...event.data.stage, retired: false };
      const open = state.stages.filter((s) => s.kind === 'open');
      const after = event.data.afterStageId;
      const found = after === null ? -1 : open.findIndex((s) => s.stageId === after);
      open.splice(after === null ? 0 : found === -1 ? open.length : found + 1, 0, added);
      return { ...state, stages: boardOrder([...open, ...state.stages.filter((s) => s.kind !== 'open')]) };
    }
    case 'sales.pipeline-stage-changed':
      return {
        ...state,
        stages: state.stages.map((s) =>
          s.stageId === event.data.stageId ? { ...s, name: event.data.name, probability: event.data.probability } : s,
        ),
      };
    case 'sales.pipeline-stages-reordered': {
      const byId = new Map(state.stages.map((s) => [s.stageId, s]));
      const open = event.data.stageIds.map((id) => byId.get(id)).filter((s): s is PipelineStage => s !== undefined);
      return { ...state, stages: boardOrder([...open, ...state.stages.filter((s) => s.kind !== 'open')]) };
    }
    case 'sales.pipeline-stage-retired':
      return { ...state, stages: state.stages.map((s) => (s.stageId === event.data.stageId ? { ...s, retired: true } : s)) };
  }
}

export function pipelineSnapshot(state: PipelineState & { status: 'defined' }): PipelineSnapshot {
  return { pipelineId: state.pipelineId, name: state.name, stages: state.stages };
}
