import type { SegmentRule } from '@c360/customer360-domain';
import type { CommandContext } from '@c360/kernel';
import { ContextCommand, ContextQuery } from '@c360/runtime';
import type { SegmentMembersPage } from './segment-members.service';
import type { SegmentResult, SegmentView } from './segment.service';

export class DefineSegment extends ContextCommand<SegmentResult> {
  constructor(
    readonly input: { readonly name: string; readonly rules: readonly SegmentRule[] },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ChangeSegment extends ContextCommand<SegmentResult> {
  constructor(
    readonly segmentId: string,
    readonly input: { readonly name?: string; readonly rules?: readonly SegmentRule[] },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RetireSegment extends ContextCommand<SegmentResult> {
  constructor(
    readonly segmentId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ListSegments extends ContextQuery<{ items: SegmentView[]; nextCursor: string | null }> {
  constructor(readonly page: { readonly limit?: number; readonly after?: string }) {
    super();
  }
}

/** A segment's definition with its member count now. */
export class GetSegment extends ContextQuery<{
  segmentId: string;
  name: string;
  rules: readonly SegmentRule[];
  version: number;
  members: number;
}> {
  constructor(readonly segmentId: string) {
    super();
  }
}

/** Who is in the segment now (survey campaigns page through this). */
export class GetSegmentMembers extends ContextQuery<SegmentMembersPage> {
  constructor(
    readonly segmentId: string,
    readonly page: { readonly limit?: number; readonly after?: string },
  ) {
    super();
  }
}
