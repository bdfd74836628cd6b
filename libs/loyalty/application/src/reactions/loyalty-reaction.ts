import {
  ConcurrencyError,
  DomainError,
  EventProcessingError,
  TransientStoreError,
  deriveId,
  isTransient,
  type CommandContext,
  type EventEnvelope,
  type EventFilter,
  type EventProcessor,
} from '@c360/kernel';
import { Logger } from '@nestjs/common';

/**
 * Base of loyalty's process managers: durable (they run on the checkpointed `$all` subscription),
 * idempotent (command ids derive from the event id, so a replay after a crash repeats nothing).
 *
 * A rule refusing a reaction (`conflict` / `not-found`: a cap reached, a refund of a non-member) is a
 * business outcome: logged, and the processor moves on. Anything else — a broken event contract, a
 * bug — stops the processor on that event, visible in `/health/ready`.
 */
export abstract class LoyaltyReaction implements EventProcessor {
  abstract readonly name: string;
  abstract readonly filter: EventFilter;
  protected readonly logger = new Logger('LoyaltyReactions');

  protected abstract react(event: EventEnvelope): Promise<void>;

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      try {
        await this.react(event);
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found')) {
          this.logger.log(`${this.name}: ${event.type} ${event.id} refused by a rule: ${error.code}`);
          continue;
        }
        // Contention with other writers passes: the runner retries the batch (commands are idempotent).
        if (error instanceof ConcurrencyError) throw new TransientStoreError(error.message, { cause: error });
        if (isTransient(error)) throw error;
        throw new EventProcessingError(event, this.name, error);
      }
    }
  }

  /** The context of the n-th command an event causes: deterministic id, causation and correlation kept. */
  protected context(event: EventEnvelope, step: string): CommandContext {
    return {
      commandId: deriveId(`${this.name}/${event.id}/${step}`),
      actor: { id: this.name, role: 'system' },
      causationId: event.id,
      correlationId: event.metadata.correlationId,
    };
  }

  /** Runs one step, logging (not failing on) a rule's refusal so the other steps of the event still run. */
  protected async step(event: EventEnvelope, label: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found')) {
        this.logger.log(`${this.name}: ${event.type} ${event.id} (${label}) refused by a rule: ${error.code}`);
        return;
      }
      throw error;
    }
  }
}
