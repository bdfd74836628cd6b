import type { DomainEvent } from '../envelope/event-envelope';
import type { EnvelopeOf } from '../projections/document-projection';

/** One command a workflow decides to send, named so that one event may cause several (each its own id). */
export interface WorkflowStep<TCommand> {
  /** Stable within the workflow: with its name and the event id it derives the command id (omit when an event causes one command). */
  readonly step?: string;
  readonly command: TCommand;
}

/**
 * A process manager as a decider over incoming events (Emmett's workflows): `decide` turns an event
 * (and the workflow's state for that instance) into commands; `evolve` folds the event into the state.
 * Pure: no I/O, no clock (time comes from the event). The runtime runs it on the durable `$all`
 * subscription and sends the commands with ids derived from the workflow's name, the event and the
 * step, so a replay repeats nothing. Most workflows are stateless (`initialState: undefined`, no
 * `instanceOf`): the aggregates they command hold the state.
 */
export interface Workflow<TInput extends DomainEvent, TCommand, TState = undefined> {
  /**
   * Stable identity: derives the ids of the commands it sends. Renaming it would make a replay send
   * the commands again under new ids, so it never changes (the checkpoint name is derived from it).
   */
  readonly name: string;
  /** Event types it reacts to (also the server-side filter of its subscription). */
  readonly handles: readonly TInput['type'][];
  readonly initialState: TState;
  /** For a stateful workflow: which instance an event belongs to (state is kept per instance). */
  instanceOf?(input: EnvelopeOf<TInput>): string | undefined;
  /**
   * Opt-in concurrency (the event store's group commit then batches a batch's commands): events with
   * the same lane run in event order, lanes side by side. Only safe when a decision reads nothing that
   * another lane's commands write — e.g. per customer, when each event's commands touch that customer
   * only. Omitted: every event of a batch in order (a referral ring is only seen in order).
   */
  laneOf?(input: EnvelopeOf<TInput>): string;
  decide(input: EnvelopeOf<TInput>, state: TState): readonly WorkflowStep<TCommand>[];
  evolve?(state: TState, input: EnvelopeOf<TInput>): TState;
}

/** Any workflow, whatever its types (a context's list). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- method parameters are bivariant: a list holds every kind
export type AnyWorkflow = Workflow<any, any, any>;
