import type { CommandContext } from '@c360/kernel';
import { ChangePipeline, DefinePipeline, GetPipeline, GetPipelineBoard, ListPipelines } from '@c360/sales-application';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SalesPageQuery } from '../dto/common.dto';
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

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Define a pipeline with its stages' })
  @Post()
  async define(@Body() body: DefinePipelineDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(await this.commands.execute(new DefinePipeline(body, context)));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Pipelines (paged)' })
  @Get()
  list(@Query() query: SalesPageQuery) {
    return this.queries.execute(new ListPipelines(query));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'One pipeline' })
  @Get(':pipelineId')
  get(@Param() params: PipelineParams) {
    return this.queries.execute(new GetPipeline(params.pipelineId));
  }

  /** The board now (read model), or `?asOf=` as it stood then (folded from the event log). */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A pipeline's board now, or as it stood at asOf" })
  @Get(':pipelineId/board')
  board(@Param() params: PipelineParams, @Query() query: BoardQuery) {
    return this.queries.execute(new GetPipelineBoard(params.pipelineId, query.asOf));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Rename a pipeline' })
  @Put(':pipelineId/name')
  async rename(@Param() params: PipelineParams, @Body() body: RenamePipelineDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'rename-pipeline', name: body.name }, context)),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Add a stage to a pipeline' })
  @Post(':pipelineId/stages')
  async addStage(@Param() params: PipelineParams, @Body() body: AddStageDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'add-stage', ...body }, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Change a stage' })
  @Patch(':pipelineId/stages/:stageId')
  async changeStage(@Param() params: StageParams, @Body() body: ChangeStageDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(
        new ChangePipeline(params.pipelineId, { type: 'change-stage', stageId: params.stageId, ...body }, context),
      ),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Reorder the open stages of a pipeline' })
  @Put(':pipelineId/stage-order')
  async reorder(@Param() params: PipelineParams, @Body() body: ReorderStagesDto, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'reorder-stages', stageIds: body.stageIds }, context)),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Retire a stage' })
  @Post(':pipelineId/stages/:stageId/retirement')
  @HttpCode(200)
  async retire(@Param() params: StageParams, @RequestCommandContext() context: CommandContext) {
    return writtenPipeline(
      await this.commands.execute(new ChangePipeline(params.pipelineId, { type: 'retire-stage', stageId: params.stageId }, context)),
    );
  }
}
