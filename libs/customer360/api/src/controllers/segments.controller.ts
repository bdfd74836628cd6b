import { ChangeSegment, DefineSegment, GetSegment, GetSegmentMembers, ListSegments, RetireSegment } from '@c360/customer360-application';
import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ChangeSegmentDto, DefineSegmentDto, SegmentPageQuery, SegmentParams } from '../dto/segment.dto';

/** Dynamic segments over the 360 documents: definitions are commands (a versioned aggregate), members are read now. */
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // Roles (issue 12): supervisors and marketing; agents may read.
  @Post()
  define(@Body() body: DefineSegmentDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new DefineSegment(body, context)).then(written);
  }

  // Roles (issue 12): agents, supervisors, marketing.
  @Get()
  list(@Query() query: SegmentPageQuery) {
    return this.queries.execute(new ListSegments(query));
  }

  // Roles (issue 12): agents, supervisors, marketing.
  @Get(':segmentId')
  get(@Param() params: SegmentParams) {
    return this.queries.execute(new GetSegment(params.segmentId));
  }

  // Roles (issue 12): supervisors, marketing, and the surveys context's campaigns (system).
  @Get(':segmentId/members')
  members(@Param() params: SegmentParams, @Query() query: SegmentPageQuery) {
    return this.queries.execute(new GetSegmentMembers(params.segmentId, query));
  }

  // Roles (issue 12): supervisors and marketing.
  @Put(':segmentId')
  change(@Param() params: SegmentParams, @Body() body: ChangeSegmentDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new ChangeSegment(params.segmentId, body, context)).then(written);
  }

  // Roles (issue 12): supervisors and marketing.
  @Delete(':segmentId')
  @HttpCode(200)
  retire(@Param() params: SegmentParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RetireSegment(params.segmentId, context)).then(written);
  }
}

/** What a write answers: the segment, its version and whether anything changed (never the events). */
function written(result: { segmentId: string; revision: number; duplicate: boolean; changed: boolean; state: unknown }) {
  return {
    segmentId: result.segmentId,
    version: result.revision,
    duplicate: result.duplicate,
    changed: result.changed,
    segment: result.state,
  };
}
