import { HandlesCommand, HandlesQuery, contextOf, type ICommandHandler, type IQueryHandler } from '@c360/runtime';
import { SegmentMembers } from './segment-members.service';
import { ChangeSegment, DefineSegment, GetSegment, GetSegmentMembers, ListSegments, RetireSegment } from './segment.messages';
import { SegmentService } from './segment.service';

@HandlesCommand(DefineSegment)
export class DefineSegmentHandler implements ICommandHandler<DefineSegment> {
  constructor(private readonly segments: SegmentService) {}
  execute(command: DefineSegment) {
    return this.segments.define(command.input, contextOf(command));
  }
}

@HandlesCommand(ChangeSegment)
export class ChangeSegmentHandler implements ICommandHandler<ChangeSegment> {
  constructor(private readonly segments: SegmentService) {}
  execute(command: ChangeSegment) {
    return this.segments.change(command.segmentId, command.input, contextOf(command));
  }
}

@HandlesCommand(RetireSegment)
export class RetireSegmentHandler implements ICommandHandler<RetireSegment> {
  constructor(private readonly segments: SegmentService) {}
  execute(command: RetireSegment) {
    return this.segments.retire(command.segmentId, contextOf(command));
  }
}

@HandlesQuery(ListSegments)
export class ListSegmentsHandler implements IQueryHandler<ListSegments> {
  constructor(private readonly segments: SegmentService) {}
  execute(query: ListSegments) {
    return this.segments.list(query.page);
  }
}

@HandlesQuery(GetSegment)
export class GetSegmentHandler implements IQueryHandler<GetSegment> {
  constructor(
    private readonly segments: SegmentService,
    private readonly members: SegmentMembers,
  ) {}
  async execute(query: GetSegment) {
    const definition = await this.segments.rules(query.segmentId);
    return { segmentId: query.segmentId, ...definition, members: await this.members.count(definition.rules) };
  }
}

@HandlesQuery(GetSegmentMembers)
export class GetSegmentMembersHandler implements IQueryHandler<GetSegmentMembers> {
  constructor(
    private readonly segments: SegmentService,
    private readonly members: SegmentMembers,
  ) {}
  async execute(query: GetSegmentMembers) {
    const definition = await this.segments.rules(query.segmentId);
    return this.members.members(definition.rules, query.page);
  }
}
