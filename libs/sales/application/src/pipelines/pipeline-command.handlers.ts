import type { UseCaseResult } from '@c360/kernel';
import type { PipelineState } from '@c360/sales-domain';
import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { ChangePipeline, DefinePipeline } from './pipeline.commands';
import { PipelineService } from './pipeline.service';

@HandlesCommand(DefinePipeline)
export class DefinePipelineHandler implements ICommandHandler<DefinePipeline, UseCaseResult<PipelineState>> {
  constructor(private readonly pipelines: PipelineService) {}
  execute(command: DefinePipeline) {
    return this.pipelines.define(command.input, contextOf(command));
  }
}

@HandlesCommand(ChangePipeline)
export class ChangePipelineHandler implements ICommandHandler<ChangePipeline, UseCaseResult<PipelineState>> {
  constructor(private readonly pipelines: PipelineService) {}
  execute(command: ChangePipeline) {
    return this.pipelines.change(command.pipelineId, command.change, contextOf(command));
  }
}
