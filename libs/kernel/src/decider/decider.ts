import type { DomainEvent } from '../envelope/event-envelope';

/**
 * A decider is an aggregate's business rules as three pure parts (no I/O, no clock, no NestJS):
 * `decide` turns a command and the current state into new events (or throws a DomainError),
 * `evolve` folds one event into the state, `initialState` is the state of an empty stream.
 */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  readonly initialState: TState;
  decide(command: TCommand, state: TState): readonly TEvent[];
  evolve(state: TState, event: TEvent): TState;
}

/** Folds a sequence of events into a state, starting from the decider's initial state. */
export function foldEvents<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  events: Iterable<TEvent>,
  from: TState = decider.initialState,
): TState {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
