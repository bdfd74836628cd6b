import type { StageDefinition } from './pipeline.types';

export type PipelineDefined = {
  readonly type: 'sales.pipeline-defined';
  readonly data: {
    readonly pipelineId: string;
    readonly name: string;
    readonly stages: readonly StageDefinition[];
    readonly definedAt: string;
  };
};
export type PipelineRenamed = {
  readonly type: 'sales.pipeline-renamed';
  readonly data: { readonly pipelineId: string; readonly name: string; readonly previousName: string; readonly renamedAt: string };
};
export type PipelineStageAdded = {
  readonly type: 'sales.pipeline-stage-added';
  readonly data: {
    readonly pipelineId: string;
    readonly stage: StageDefinition;
    /** The open stage it follows; null puts it first. */
    readonly afterStageId: string | null;
    readonly addedAt: string;
  };
};
export type PipelineStageChanged = {
  readonly type: 'sales.pipeline-stage-changed';
  readonly data: {
    readonly pipelineId: string;
    readonly stageId: string;
    readonly name: string;
    readonly probability: number;
    readonly previousName: string;
    readonly previousProbability: number;
    readonly changedAt: string;
  };
};
export type PipelineStagesReordered = {
  readonly type: 'sales.pipeline-stages-reordered';
  /** `stageIds`: every open stage (retired ones included) in the new order. */
  readonly data: { readonly pipelineId: string; readonly stageIds: readonly string[]; readonly reorderedAt: string };
};
export type PipelineStageRetired = {
  readonly type: 'sales.pipeline-stage-retired';
  readonly data: { readonly pipelineId: string; readonly stageId: string; readonly retiredAt: string };
};

export type PipelineEvent =
  PipelineDefined | PipelineRenamed | PipelineStageAdded | PipelineStageChanged | PipelineStagesReordered | PipelineStageRetired;

export const PIPELINE_EVENT_TYPES = [
  'sales.pipeline-defined',
  'sales.pipeline-renamed',
  'sales.pipeline-stage-added',
  'sales.pipeline-stage-changed',
  'sales.pipeline-stages-reordered',
  'sales.pipeline-stage-retired',
] as const satisfies readonly PipelineEvent['type'][];
