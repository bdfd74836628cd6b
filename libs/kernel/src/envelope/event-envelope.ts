/**
 * The envelope every stored event travels in. It is the same for every context and every adapter:
 * domain code never sees it (deciders work on plain `{ type, data }` events); the command handler,
 * projectors, the Kafka relay and the replay tooling do.
 */

/**
 * Who caused a change: an agent, a supervisor, an auditor, an administrator of the platform, a
 * partner's credentials or a system process (the verified credential says which, never a header).
 */
export type ActorRole = 'agent' | 'supervisor' | 'system' | 'partner' | 'customer' | 'auditor' | 'admin';

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

export interface EventMetadata {
  /** Shared by every event and command of one business transaction (one request, one saga). */
  readonly correlationId: string;
  /** The command id or event id that directly caused this event. */
  readonly causationId: string;
  /** The idempotency key of the command that produced the event; absent for imported events. */
  readonly commandId?: string;
  readonly actor: Actor;
}

/** An event as stored and read back: position in its stream (`revision`) and in `$all` (`position`). */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  /** Strictly increasing position in the global log (`$all`); gaps are allowed. */
  readonly position: number;
  /** ISO-8601 instant at which the fact happened (from the injected Clock). */
  readonly occurredAt: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** What a writer hands to `EventStore.appendToStream`; the store assigns revision and position. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** A domain event as deciders produce and consume it: no envelope, no I/O concerns. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Stream names are `context-aggregate-id` (guide): `loyalty-account-<customerId>`. */
export function streamName(context: string, aggregate: string, id: string): string {
  return `${context}-${aggregate}-${id}`;
}
