import type { DocumentStore } from '@c360/kernel';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles';

/** A machine client's key as stored: never the key itself, only its SHA-256 (the key has 256 random bits). */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly client: string;
  readonly role: Role;
  readonly hash: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** Port: where API key records live (the platform's DocumentStore, embedded or MongoDB). */
export interface ApiKeyStore {
  add(record: ApiKeyRecord): Promise<void>;
  get(keyId: string): Promise<ApiKeyRecord | null>;
  list(): Promise<ApiKeyRecord[]>;
  /** False when there is no such key. */
  revoke(keyId: string, at: string): Promise<boolean>;
}

const COLLECTION = 'runtime-api-keys';
// The DocumentStore guards writes by position; for a key record it counts versions: 1 created, 2 revoked.
const CREATED = 1;
const REVOKED = 2;

export class DocumentApiKeyStore implements ApiKeyStore {
  constructor(private readonly documents: DocumentStore) {}

  async add(record: ApiKeyRecord): Promise<void> {
    const { keyId, ...doc } = record;
    await this.documents.write([{ kind: 'replace', collection: COLLECTION, id: keyId, doc: { ...doc }, position: CREATED }]);
  }

  async get(keyId: string): Promise<ApiKeyRecord | null> {
    const doc = await this.documents.get<Omit<ApiKeyRecord, 'keyId'>>(COLLECTION, keyId);
    return doc && toRecord(doc);
  }

  async list(): Promise<ApiKeyRecord[]> {
    const page = await this.documents.find<Omit<ApiKeyRecord, 'keyId'>>(COLLECTION, {}, { limit: 1000 });
    return page.items.map(toRecord);
  }

  async revoke(keyId: string, at: string): Promise<boolean> {
    if (!(await this.get(keyId))) return false;
    await this.documents.write([
      { kind: 'update', collection: COLLECTION, id: keyId, update: { $set: { revokedAt: at } }, upsert: false, position: REVOKED },
    ]);
    return true;
  }
}

function toRecord(doc: Omit<ApiKeyRecord, 'keyId'> & { _id: string }): ApiKeyRecord {
  const { _id, client, role, hash, createdAt, revokedAt } = doc;
  return { keyId: _id, client, role, hash, createdAt, ...(revokedAt ? { revokedAt } : {}) };
}

const KEY_FORMAT = /^c360_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key `c360_<keyId>_<secret>`: the id finds the record, the secret proves possession. */
export function generateApiKey(): { keyId: string; key: string } {
  const keyId = randomBytes(9).toString('base64url');
  return { keyId, key: `c360_${keyId}_${randomBytes(32).toString('base64url')}` };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key id of a well-formed key, or undefined. */
export function apiKeyId(key: string): string | undefined {
  return KEY_FORMAT.exec(key)?.[1];
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, record: ApiKeyRecord): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(record.hash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
