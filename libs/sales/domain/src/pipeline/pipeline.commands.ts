import type { StageDefinition } from './pipeline.types';

/** `now` is the decision time, from the application layer's Clock. */
export type PipelineCommand =
  | {
      readonly type: 'define-pipeline';
      readonly pipelineId: string;
      readonly name: string;
      readonly stages: readonly StageDefinition[];
      readonly now: string;
    }
  | { readonly type: 'rename-pipeline'; readonly name: string; readonly now: string }
  | {
      readonly type: 'add-stage';
      readonly stageId: string;
      readonly name: string;
      readonly probability: number;
      /** The active open stage to insert after; null first; omitted last among open stages. */
      readonly afterStageId?: string | null;
      readonly now: string;
    }
  | { readonly type: 'change-stage'; readonly stageId: string; readonly name?: string; readonly probability?: number; readonly now: string }
  | { readonly type: 'reorder-stages'; readonly stageIds: readonly string[]; readonly now: string }
  | { readonly type: 'retire-stage'; readonly stageId: string; readonly now: string };
