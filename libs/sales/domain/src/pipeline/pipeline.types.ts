/** Stages of a pipeline: any number of open stages in order, then exactly one won and one lost stage. */
export type StageKind = 'open' | 'won' | 'lost';

export interface StageDefinition {
  /** A slug, stable for the life of the pipeline: deals and history refer to it. */
  readonly stageId: string;
  readonly name: string;
  /** Win probability in whole percent (0–100); won is always 100, lost always 0. */
  readonly probability: number;
  readonly kind: StageKind;
}

export interface PipelineStage extends StageDefinition {
  /** A retired stage takes no new deals; deals already in it can still move out. */
  readonly retired: boolean;
}

/** What a deal command needs to know of its pipeline (the application layer loads it). */
export interface PipelineSnapshot {
  readonly pipelineId: string;
  readonly name: string;
  /** In board order: open stages, then won, then lost. */
  readonly stages: readonly PipelineStage[];
}

export const MAX_OPEN_STAGES = 20;
export const STAGE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function findStage(pipeline: PipelineSnapshot, stageId: string): PipelineStage | undefined {
  return pipeline.stages.find((stage) => stage.stageId === stageId);
}

export function activeOpenStages(pipeline: PipelineSnapshot): PipelineStage[] {
  return pipeline.stages.filter((stage) => stage.kind === 'open' && !stage.retired);
}

export function terminalStage(pipeline: PipelineSnapshot, kind: 'won' | 'lost'): PipelineStage {
  const stage = pipeline.stages.find((candidate) => candidate.kind === kind);
  // A defined pipeline always has both (the pipeline decider guarantees it).
  if (!stage) throw new TypeError(`Pipeline ${pipeline.pipelineId} has no ${kind} stage`);
  return stage;
}

/** Index of a stage in board order, -1 when unknown: tells a forward move from a backward one. */
export function stageIndex(pipeline: PipelineSnapshot, stageId: string): number {
  return pipeline.stages.findIndex((stage) => stage.stageId === stageId);
}
