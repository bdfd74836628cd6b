import { CommandHandler, DomainError, deriveId, type Clock, type CommandContext, type UseCaseResult, useCaseResult } from '@c360/kernel';
import {
  DEFAULT_PIPELINE_ID,
  DEFAULT_PIPELINE_NAME,
  DEFAULT_STAGES,
  pipelineAggregate,
  pipelineSnapshot,
  pipelineStream,
  type PipelineCommand,
  type PipelineSnapshot,
  type PipelineState,
  type StageDefinition,
} from '@c360/sales-domain';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createdId } from '../sales-ids';
import { SALES_SYSTEM_ACTOR } from '../sales.tokens';

/** The path alias of the default pipeline: `/pipelines/default`. */
export const DEFAULT_PIPELINE_ALIAS = 'default';

/** Commands without the decision time; the service adds `now` from the Clock. */
export type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;
export type PipelineChange = WithoutNow<Exclude<PipelineCommand, { type: 'define-pipeline' }>>;

export interface LoadedPipeline extends PipelineSnapshot {
  readonly version: number;
}

@Injectable()
export class PipelineService {
  private defaultReady: Promise<void> | undefined;

  constructor(
    private readonly commands: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async define(
    input: { name: string; stages: readonly StageDefinition[] },
    context: CommandContext,
  ): Promise<UseCaseResult<PipelineState>> {
    const pipelineId = createdId('pipeline', context);
    return useCaseResult(
      await this.commands.handle(
        pipelineAggregate,
        pipelineStream(pipelineId),
        { type: 'define-pipeline', pipelineId, name: input.name, stages: input.stages, now: this.now() },
        context,
      ),
    );
  }

  async change(pipelineIdOrAlias: string, change: PipelineChange, context: CommandContext): Promise<UseCaseResult<PipelineState>> {
    const pipelineId = await this.resolve(pipelineIdOrAlias);
    return useCaseResult(
      await this.commands.handle(pipelineAggregate, pipelineStream(pipelineId), { ...change, now: this.now() } as PipelineCommand, context),
    );
  }

  /** The pipeline's current configuration (write-side truth) and version, or not-found. */
  async load(pipelineIdOrAlias: string): Promise<LoadedPipeline> {
    const pipelineId = await this.resolve(pipelineIdOrAlias);
    const loaded = await this.commands.load(pipelineAggregate, pipelineStream(pipelineId));
    if (loaded.state.status !== 'defined') {
      throw new DomainError('sales.pipeline-not-found', `No pipeline ${pipelineIdOrAlias}`, 'not-found', { pipelineId: pipelineIdOrAlias });
    }
    return { ...pipelineSnapshot(loaded.state), version: loaded.revision };
  }

  /** `default` → the default pipeline's id (defining it on first use); any other value is an id. */
  async resolve(pipelineIdOrAlias: string | undefined): Promise<string> {
    if (pipelineIdOrAlias !== undefined && pipelineIdOrAlias !== DEFAULT_PIPELINE_ALIAS && pipelineIdOrAlias !== DEFAULT_PIPELINE_ID) {
      return pipelineIdOrAlias;
    }
    await this.ensureDefault();
    return DEFAULT_PIPELINE_ID;
  }

  /**
   * Defines the default pipeline once, whichever process asks first: a derived command id makes the
   * definition idempotent across processes and restarts (a repeat is answered as a duplicate).
   */
  ensureDefault(): Promise<void> {
    this.defaultReady ??= this.commands
      .handle(
        pipelineAggregate,
        pipelineStream(DEFAULT_PIPELINE_ID),
        { type: 'define-pipeline', pipelineId: DEFAULT_PIPELINE_ID, name: DEFAULT_PIPELINE_NAME, stages: DEFAULT_STAGES, now: this.now() },
        { commandId: deriveId('sales/pipeline/default/define'), actor: SALES_SYSTEM_ACTOR },
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.defaultReady = undefined;
          throw error;
        },
      );
    return this.defaultReady;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
