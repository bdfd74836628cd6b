import { ChangeSegment, DefineSegment, GetSegment, GetSegmentMembers, ListSegments, RetireSegment } from '@c360/customer360-application';
import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext, ACCESS, Roles } from '@c360/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ChangeSegmentDto, DefineSegmentDto, SegmentPageQuery, SegmentParams } from '../dto/segment.dto';

/** Dynamic segments over the 360 documents: definitions are commands (a versioned aggregate), members are read now. */
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Define' })
  @Post()
  define(@Body() body: DefineSegmentDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new DefineSegment(body, context)).then(written);
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'List' })
  @Get()
  list(@Query() query: SegmentPageQuery) {
    return this.queries.execute(new ListSegments(query));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Get' })
  @Get(':segmentId')
  get(@Param() params: SegmentParams) {
    return this.queries.execute(new GetSegment(params.segmentId));
  }

  @Roles(...ACCESS.jobs)
  @ApiOperation({ summary: 'Members' })
  @Get(':segmentId/members')
  members(@Param() params: SegmentParams, @Query() query: SegmentPageQuery) {
    return this.queries.execute(new GetSegmentMembers(params.segmentId, query));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Change' })
  @Put(':segmentId')
  change(@Param() params: SegmentParams, @Body() body: ChangeSegmentDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new ChangeSegment(params.segmentId, body, context)).then(written);
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Retire' })
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
