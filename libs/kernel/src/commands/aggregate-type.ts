import type { Decider } from '../decider/decider';
import type { DomainEvent } from '../envelope/event-envelope';

/**
 * Everything the generic command handler needs to know about one kind of aggregate.
 * A context declares one per aggregate next to its decider.
 */
export interface AggregateType<TCommand, TEvent extends DomainEvent, TState> {
  /** `loyalty-account`: used in messages and as the stream category. */
  readonly name: string;
  readonly decider: Decider<TCommand, TEvent, TState>;
  /**
   * The current schema version of every event type the aggregate writes. Reading a stream that holds
   * a type missing here (or a newer version) is an error, never a silent skip.
   */
  readonly eventSchemas: { readonly [K in TEvent['type']]: number };
}
