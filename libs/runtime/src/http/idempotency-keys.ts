import type { Actor, DocumentStore } from '@c360/kernel';
import { createHash } from 'node:crypto';

/** What an Idempotency-Key was first used for. */
export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly method: string;
  readonly path: string;
  readonly actor: Actor;
  readonly usedAt: string;
}

const COLLECTION = 'runtime-idempotency-keys';

/** Keys and their first request's fingerprint, in the platform's DocumentStore (embedded or MongoDB). */
export class IdempotencyKeys {
  constructor(private readonly documents: DocumentStore) {}

  get(key: string): Promise<IdempotencyRecord | null> {
    return this.documents.get<IdempotencyRecord>(COLLECTION, key);
  }

  /** Records the first use; a record already there is kept (the position guard makes it write-once). */
  async remember(key: string, record: IdempotencyRecord): Promise<void> {
    await this.documents.write([{ kind: 'replace', collection: COLLECTION, id: key, doc: { ...record }, position: 1 }]);
  }
}

/**
 * Stripe's rule: a key names one request. The fingerprint binds method, path with query, the verified
 * actor and the body (keys sorted, so formatting and key order do not make a "different" request).
 */
export function requestFingerprint(method: string, path: string, actor: Actor | undefined, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path, actor?.id ?? null, actor?.role ?? null, canonical(body)]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value ?? null;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, canonical(record[key])]),
  );
}
