import {
  CommandHandler,
  DomainError,
  SubjectErasedError,
  type Clock,
  type CommandContext,
  type UseCaseResult,
  useCaseResult,
} from '@c360/kernel';
import { dealAggregate, dealStream, type ActivityKind, type DealCommand, type DealState, type PipelineSnapshot } from '@c360/sales-domain';
import { CLOCK, CustomerDirectory } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PIPELINE_ALIAS, PipelineService, type WithoutNow } from '../pipelines/pipeline.service';
import { createdId } from '../sales-ids';

export interface OpenDealInput {
  readonly customerId: string;
  readonly pipelineId?: string;
  readonly stageId?: string;
  readonly title: string;
  readonly amount: number;
  readonly currency: string;
  readonly ownerId: string;
  readonly expectedCloseDate: string;
  readonly source: string;
}

export interface DealResult extends UseCaseResult<DealState> {
  readonly dealId: string;
}

type StageCommand = WithoutNow<Extract<DealCommand, { type: 'move-deal' | 'win-deal' | 'lose-deal' | 'reopen-deal' }>>;
type PipelineFree<C> = C extends unknown ? Omit<C, 'pipeline'> : never;
/** A stage command as a client sends it: the service adds the pipeline and the time. */
export type DealStageCommand = PipelineFree<StageCommand>;
export type DealChange = WithoutNow<
  Extract<DealCommand, { type: 'change-deal-amount' | 'change-deal-owner' | 'change-deal-probability' | 'change-deal-close-date' }>
>;

/** Deal use cases: each loads what the decision needs (the deal's pipeline, the time) and runs the command. */
@Injectable()
export class DealService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly customers: CustomerDirectory,
    private readonly pipelines: PipelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(input: OpenDealInput, context: CommandContext): Promise<DealResult> {
    // Only customers that exist: 404 for an unknown id, 409 customer-erased for an erased one (ADR 0013).
    await this.customers.require(input.customerId);
    const pipeline = await this.pipelines.load(input.pipelineId ?? DEFAULT_PIPELINE_ALIAS).catch((error: unknown) => {
      // Named in the body, not the path: a bad reference in the request rather than a missing resource.
      if (error instanceof DomainError && error.code === 'sales.pipeline-not-found') {
        throw new DomainError('sales.unknown-pipeline', `No pipeline ${input.pipelineId}`, 'invalid', { field: 'pipelineId' });
      }
      throw error;
    });
    const dealId = createdId('deal', context);
    const result = await this.commands.handle(
      dealAggregate,
      dealStream(dealId),
      {
        type: 'open-deal',
        dealId,
        customerId: input.customerId,
        pipeline,
        stageId: input.stageId,
        title: input.title,
        amount: input.amount,
        currency: input.currency,
        ownerId: input.ownerId,
        expectedCloseDate: input.expectedCloseDate,
        source: input.source,
        now: this.now(),
      },
      context,
    );
    return { ...useCaseResult(result), dealId };
  }

  /** Move, win, lose, reopen: decided against the deal's pipeline as it is now. */
  async stage(dealId: string, command: DealStageCommand, context: CommandContext): Promise<DealResult> {
    const pipeline = await this.pipelineOf(dealId);
    const full = { ...command, pipeline, now: this.now() } as DealCommand;
    return { ...useCaseResult(await this.commands.handle(dealAggregate, dealStream(dealId), full, context)), dealId };
  }

  async change(dealId: string, change: DealChange, context: CommandContext): Promise<DealResult> {
    const command = { ...change, now: this.now() } as DealCommand;
    return { ...useCaseResult(await this.commands.handle(dealAggregate, dealStream(dealId), command, context)), dealId };
  }

  async logActivity(
    dealId: string,
    input: { activityId?: string; kind: ActivityKind; subject: string; notes?: string; activityAt?: string },
    context: CommandContext,
  ): Promise<DealResult & { activityId: string }> {
    const now = this.now();
    const activityId = input.activityId ?? createdId('activity', context);
    try {
      const result = await this.commands.handle(
        dealAggregate,
        dealStream(dealId),
        {
          type: 'log-deal-activity',
          activityId,
          kind: input.kind,
          subject: input.subject,
          notes: input.notes,
          activityAt: input.activityAt ?? now,
          loggedBy: context.actor.id,
          now,
        },
        context,
      );
      return { ...useCaseResult(result), dealId, activityId };
    } catch (error) {
      // The notes would be sealed with the customer's key, which erasure deleted for good.
      if (error instanceof SubjectErasedError) {
        throw new DomainError('sales.customer-erased', 'The customer was erased: no new personal notes can be kept', 'conflict');
      }
      throw error;
    }
  }

  async load(dealId: string): Promise<{ state: DealState; version: number }> {
    const loaded = await this.commands.load(dealAggregate, dealStream(dealId));
    return { state: loaded.state, version: loaded.revision };
  }

  private async pipelineOf(dealId: string): Promise<PipelineSnapshot> {
    const { state } = await this.load(dealId);
    if (state.status === 'none') throw new DomainError('sales.deal-not-found', `No deal ${dealId}`, 'not-found', { dealId });
    return this.pipelines.load(state.pipelineId);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
