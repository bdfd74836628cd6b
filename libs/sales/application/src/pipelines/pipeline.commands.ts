import type { CommandContext, UseCaseResult } from '@c360/kernel';
import type { PipelineState, StageDefinition } from '@c360/sales-domain';
import { ContextCommand } from '@c360/runtime';
import type { PipelineChange } from './pipeline.service';

export class DefinePipeline extends ContextCommand<UseCaseResult<PipelineState>> {
  constructor(
    readonly input: { readonly name: string; readonly stages: readonly StageDefinition[] },
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Rename, add/change/reorder/retire stages: one command, the change says which. */
export class ChangePipeline extends ContextCommand<UseCaseResult<PipelineState>> {
  constructor(
    readonly pipelineId: string,
    readonly change: PipelineChange,
    context?: CommandContext,
  ) {
    super(context);
  }
}
