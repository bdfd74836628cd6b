import type { Actor, EventEnvelope } from '../envelope/event-envelope';

/** Who sends a command, and the keys that make it idempotent and traceable. */
export interface CommandContext {
  /** Idempotency key: repeating a command with the same id returns the first result. */
  readonly commandId: string;
  readonly actor: Actor;
  /** Defaults to the command id: a command starts a new business transaction. */
  readonly correlationId?: string;
  /** Defaults to the command id. Process managers pass the id of the event that caused the command. */
  readonly causationId?: string;
  /**
   * The stream revision the client last saw (optimistic concurrency from an API's version field).
   * A mismatch is a ConcurrencyError carrying the current revision; it is not retried.
   */
  readonly expectedRevision?: number;
}

export interface CommandResult<TState> {
  readonly streamId: string;
  /**
   * The events the command produced (for a repeated command: those of the first execution). Only the
   * last event's global position is known to every adapter: it is `position`.
   */
  readonly events: readonly Omit<EventEnvelope, 'position'>[];
  /** Revision of the stream after the command; -1 if the stream is still empty. */
  readonly revision: number;
  /** Global position of the last event written, when there is one. */
  readonly position: number | undefined;
  /** True when the command id had been handled before and nothing new was written. */
  readonly duplicate: boolean;
  /** Aggregate state after the command. */
  readonly state: TState;
}

/**
 * What a use case answers: the aggregate's new state and version, never the events (they stay inside
 * the context; what leaves it is a published contract). `changed` says whether anything was written.
 */
export type UseCaseResult<TState> = Omit<CommandResult<TState>, 'events'> & { readonly changed: boolean };

export function useCaseResult<TState>(result: CommandResult<TState>): UseCaseResult<TState> {
  const { events, ...rest } = result;
  return { ...rest, changed: !result.duplicate && events.length > 0 };
}
