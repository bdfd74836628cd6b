import { PersonalDataProtector, type EventEnvelope, type EventStore, type KeyStore } from '@c360/kernel';
import type { Progress } from './replay-stores';

/** One event as an auditor reads it: who did it, in which request, because of what. */
export interface AuditRecord {
  readonly position: number;
  readonly occurredAt: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly eventId: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly data: unknown;
}

export function auditRecord(event: EventEnvelope): AuditRecord {
  const metadata = (event.metadata ?? {}) as Partial<EventEnvelope['metadata']>;
  return {
    position: event.position,
    occurredAt: event.occurredAt,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: event.id,
    actorId: metadata.actor?.id ?? null,
    actorRole: metadata.actor?.role ?? null,
    correlationId: metadata.correlationId ?? null,
    causationId: metadata.causationId ?? null,
    data: event.data,
  };
}

/**
 * Whether an event is about the customer: it is in one of the customer's streams (`…-<id>`), or its
 * data names the customer in a top-level id field (`customerId`, `absorbedId`, `referrerId`, …).
 */
export function concernsCustomer(event: EventEnvelope, customerId: string): boolean {
  if (event.streamId.endsWith(`-${customerId}`)) return true;
  const data = event.data as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') return false;
  for (const [field, value] of Object.entries(data)) {
    if (value === customerId && /Id$/.test(field)) return true;
  }
  return false;
}

/** Streams the log in pages, yielding the events that pass; memory stays one page. */
export async function* scanLog(
  events: EventStore,
  accept: (event: EventEnvelope) => boolean,
  options: { readonly from?: number; readonly to?: number; readonly batchSize?: number; readonly progress?: Progress } = {},
): AsyncGenerator<EventEnvelope> {
  const head = options.to ?? (await events.headPosition()) ?? 0;
  let after = Math.max(0, (options.from ?? 1) - 1);
  while (after < head) {
    const slice = await events.readAll({ after, maxCount: options.batchSize ?? 5_000 });
    for (const event of slice.events) {
      if (event.position > head) return;
      if (accept(event)) yield event;
    }
    options.progress?.(Math.min(slice.lastPosition ?? head, head), head);
    if (slice.lastPosition === undefined || slice.lastPosition <= after || slice.isEnd) return;
    after = slice.lastPosition;
  }
}

export interface ExportOptions {
  readonly customerId: string;
  /** Business-time window on `occurredAt` (ISO), inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly progress?: Progress;
}

/**
 * `audit export`: the customer's complete event history with actor, correlation and causation. Personal
 * data is opened only while the customer is not erased; for an erased customer it stays sealed.
 */
export async function* exportCustomerHistory(
  stores: { readonly events: EventStore; readonly keys: KeyStore },
  options: ExportOptions,
): AsyncGenerator<AuditRecord> {
  const erased = await stores.keys.isErased(options.customerId);
  const protector = new PersonalDataProtector(stores.keys, {});
  const inWindow = (event: EventEnvelope) =>
    (options.from === undefined || event.occurredAt >= options.from) && (options.to === undefined || event.occurredAt <= options.to);
  for await (const event of scanLog(stores.events, (event) => concernsCustomer(event, options.customerId) && inWindow(event), {
    progress: options.progress,
  })) {
    const [shown] = erased ? [event] : await protector.reveal([event]);
    yield auditRecord(shown);
  }
}

/** `audit trace`: everything one request caused, across contexts, in log order (sealed data stays sealed). */
export async function* traceCorrelation(events: EventStore, correlationId: string, progress?: Progress): AsyncGenerator<AuditRecord> {
  for await (const event of scanLog(events, (event) => event.metadata?.correlationId === correlationId, { progress })) {
    yield auditRecord(event);
  }
}

export const CSV_COLUMNS: readonly (keyof AuditRecord)[] = [
  'position',
  'occurredAt',
  'streamId',
  'revision',
  'type',
  'schemaVersion',
  'eventId',
  'actorId',
  'actorRole',
  'correlationId',
  'causationId',
  'data',
];

/** One CSV line (RFC 4180 quoting); `data` as JSON. */
export function csvLine(record: AuditRecord): string {
  return CSV_COLUMNS.map((column) => {
    const value = record[column];
    const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',');
}
