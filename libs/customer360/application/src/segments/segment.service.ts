import { segmentAggregate, segmentStream, type SegmentRule, type SegmentState } from '@c360/customer360-domain';
import { SEGMENT_DEFINITIONS_COLLECTION, type SegmentDefinitionDocument } from '@c360/customer360-projections';
import {
  CommandHandler,
  DomainError,
  deriveId,
  useCaseResult,
  type Clock,
  type CommandContext,
  type DocumentStore,
  type UseCaseResult,
} from '@c360/kernel';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { SegmentMembers } from './segment-members.service';

export type SegmentResult = UseCaseResult<SegmentState> & { readonly segmentId: string };
export type SegmentView = SegmentDefinitionDocument & { readonly members: number };

/** Segment definitions: written as commands on their own stream, read from their read model with member counts. */
@Injectable()
export class SegmentService {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly members: SegmentMembers,
  ) {}

  async define(input: { name: string; rules: readonly SegmentRule[] }, context: CommandContext): Promise<SegmentResult> {
    // Derived from the command id: a repeated request (same Idempotency-Key) lands on the same segment.
    const segmentId = deriveId(`customer360/segment/${context.commandId}`);
    const result = await this.commands.handle(
      segmentAggregate,
      segmentStream(segmentId),
      { type: 'define-segment', segmentId, ...input, now: this.now() },
      context,
    );
    return { ...useCaseResult(result), segmentId };
  }

  async change(
    segmentId: string,
    input: { name?: string; rules?: readonly SegmentRule[] },
    context: CommandContext,
  ): Promise<SegmentResult> {
    const result = await this.commands.handle(
      segmentAggregate,
      segmentStream(segmentId),
      { type: 'change-segment', ...input, now: this.now() },
      context,
    );
    return { ...useCaseResult(result), segmentId };
  }

  async retire(segmentId: string, context: CommandContext): Promise<SegmentResult> {
    const result = await this.commands.handle(
      segmentAggregate,
      segmentStream(segmentId),
      { type: 'retire-segment', now: this.now() },
      context,
    );
    return { ...useCaseResult(result), segmentId };
  }

  /** The definition as written (the read model may lag a moment behind the command that created it). */
  async rules(segmentId: string): Promise<{ name: string; rules: readonly SegmentRule[]; version: number }> {
    const loaded = await this.commands.load(segmentAggregate, segmentStream(segmentId));
    if (loaded.state.status !== 'active') {
      throw new DomainError('customer360.segment-not-found', `No active segment ${segmentId}`, 'not-found', { segmentId });
    }
    return { name: loaded.state.name, rules: loaded.state.rules, version: loaded.revision };
  }

  async list(page: { limit?: number; after?: string }): Promise<{ items: SegmentView[]; nextCursor: string | null }> {
    const found = await this.documents.find<SegmentDefinitionDocument>(
      SEGMENT_DEFINITIONS_COLLECTION,
      { status: 'active' },
      { sort: { field: 'name', direction: 'asc' }, limit: page.limit ?? 50, after: page.after },
    );
    const items: SegmentView[] = [];
    for (const { _id: _ignoredId, _position: _ignored, ...doc } of found.items)
      items.push({ ...doc, members: await this.members.count(doc.rules) });
    return { items, nextCursor: found.nextCursor ?? null };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
