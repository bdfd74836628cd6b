import type { CommandContext } from '@c360/kernel';
import { ChangePipeline, DefinePipeline, GetPipeline, GetPipelineBoard, ListPipelines } from '@c360/sales-application';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { PageQuery } from '../dto/common.dto';
import {
  AddStageDto,
  BoardQuery,
  ChangeStageDto,
  DefinePipelineDto,
  PipelineParams,
  RenamePipelineDto,
  ReorderStagesDto,
  StageParams,
} from '../dto/pipeline.dto';
import { writtenPipeline } from './sales-responses';

/** Pipelines and their stages; `default` names the default pipeline wherever a pipeline id goes. */
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  async define(@Body() body: DefinePipelineDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(await this.commands.execute(new DefinePipeline(body, context)));
  }

  @Get()
  list(@Query() query: PageQuery) {
    return this.queries.execute(new ListPipelines(query));
  }

  @Get(':pipelineId')
  get(@Param() params: PipelineParams) {
    return this.queries.execute(new GetPipeline(params.pipelineId));
  }

  /** The board now (read model), or `?asOf=` as it stood then (folded from the event log). */
  @Get(':pipelineId/board')
  board(@Param() params: PipelineParams, @Query() query: BoardQuery) {
    return this.queries.execute(new GetPipelineBoard(params.pipelineId, query.asOf));
  }

  @Put(':pipelineId/name')
  async rename(@Param() params: PipelineParams, @Body() body: RenamePipelineDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'rename-pipeline', name: body.name }, context)),
    );
  }

  @Post(':pipelineId/stages')
  async addStage(@Param() params: PipelineParams, @Body() body: AddStageDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'add-stage', ...body }, context)));
  }

  @Patch(':pipelineId/stages/:stageId')
  async changeStage(@Param() params: StageParams, @Body() body: ChangeStageDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(
        new ChangePipeline(params.pipelineId, { type: 'change-stage', stageId: params.stageId, ...body }, context),
      ),
    );
  }

  @Put(':pipelineId/stage-order')
  async reorder(@Param() params: PipelineParams, @Body() body: ReorderStagesDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'reorder-stages', stageIds: body.stageIds }, context)),
    );
  }

  @Post(':pipelineId/stages/:stageId/retirement')
  @HttpCode(200)
  async retire(@Param() params: StageParams, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'retire-stage', stageId: params.stageId }, context)),
    );
  }
}
