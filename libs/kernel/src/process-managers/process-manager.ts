import { DomainError } from '../errors/domain-error';
import { ConcurrencyError, TransientStoreError, isTransient } from '../errors/store-errors';
import type { EventEnvelope } from '../envelope/event-envelope';
import type { CommandContext } from '../commands/command-context';
import type { EventFilter } from '../ports/event-store.port';
import { runInLanes } from '../subscriptions/concurrent-lanes';
import { EventProcessingError, type EventProcessor } from '../subscriptions/event-processor';
import { reactionContext } from './derived-context';

/**
 * Base of every process manager (a cross-context reaction on the durable `$all` subscription), with
 * one policy for what a reaction's failure means:
 * - a rule refusing the command (DomainError `conflict` / `not-found`: a cap reached, a refund of a
 *   non-member) is a business outcome: reported through `log`, and the processor moves on;
 * - contention with other writers and transient store faults are retried by the runner (commands are
 *   idempotent through `reactionContext`);
 * - anything else — a broken event contract, a bug — stops the processor on that event, visible in
 *   `/health/ready`, until an operator fixes or skips it.
 */
export abstract class ProcessManager implements EventProcessor {
  abstract readonly name: string;
  abstract readonly filter: EventFilter;
  // Its time goes into awaiting the commands it sends, side by side: every slice at once (EventProcessor.chunking).
  readonly chunking = 'whole-slice' as const;

  /** Where refusals are reported; subclasses in the application layer hand in their logger. */
  protected log(message: string): void {
    void message;
  }

  protected abstract react(event: EventEnvelope): Promise<void>;

  /**
   * Which lane an event's reaction runs in: reactions of one lane run in event order, lanes run side by
   * side so that their commands share the event store's group commit. Default: one lane, in event order
   * (a reaction may read what an earlier one wrote); override with a key (a customer id) where a
   * reaction reads nothing another lane writes.
   */
  protected laneOf(_event: EventEnvelope): string {
    return 'in-event-order';
  }

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const outcomes = await runInLanes(
      events,
      (event) => this.laneOf(event),
      async (event) => {
        try {
          await this.react(event);
        } catch (error) {
          this.log(reactionRefusal(error, event, this.name));
        }
      },
    );
    const failed = outcomes.find((outcome) => !outcome.ok && outcome.ran);
    if (failed && !failed.ok) throw failed.error; // the earliest event that failed: retried or stopped on
  }

  /** The context of the command this event causes (name a step when it causes several). */
  protected context(event: EventEnvelope, step?: string): CommandContext {
    return reactionContext(this.name, event, step);
  }

  /** Runs one of several steps of a reaction, reporting (not failing on) a rule's refusal. */
  protected async step(event: EventEnvelope, label: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.log(`${this.name}: ${event.type} ${event.id} (${label}) refused by a rule: ${error.code}`);
    }
  }
}

/**
 * The one policy for a failed reaction command, shared by class-based process managers and the
 * runtime's workflow processor: returns the refusal to report when a rule said no; throws a
 * TransientStoreError to retry (contention, store faults), or an EventProcessingError that stops the
 * processor on that event.
 */
export function reactionRefusal(error: unknown, event: EventEnvelope, processor: string, step?: string): string {
  if (isRefusal(error)) return `${processor}: ${event.type} ${event.id}${step ? ` (${step})` : ''} refused by a rule: ${error.code}`;
  if (error instanceof ConcurrencyError) throw new TransientStoreError(error.message, { cause: error });
  if (isTransient(error)) throw error;
  if (error instanceof EventProcessingError) throw error;
  throw new EventProcessingError(event, processor, error);
}

export function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found');
}
