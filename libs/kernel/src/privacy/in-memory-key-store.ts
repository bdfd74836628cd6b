import { randomBytes, randomUUID } from 'node:crypto';
import { SUBJECT_KEY_BYTES, SubjectErasedError, assertSubject, type KeyStore, type SubjectKey } from './key-store.port';

/** A KeyStore in memory for specs (passes the same contract suite as the durable adapters). */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, SubjectKey>();
  private readonly erased = new Set<string>();

  async create(subject: string): Promise<SubjectKey> {
    assertSubject(subject);
    if (this.erased.has(subject)) throw new SubjectErasedError(subject);
    let key = this.keys.get(subject);
    if (!key) {
      key = { subject, keyId: randomUUID(), key: randomBytes(SUBJECT_KEY_BYTES) };
      this.keys.set(subject, key);
    }
    return copy(key);
  }

  async get(subject: string): Promise<SubjectKey | undefined> {
    assertSubject(subject);
    const key = this.keys.get(subject);
    return key && copy(key);
  }

  async delete(subject: string): Promise<void> {
    assertSubject(subject);
    const key = this.keys.get(subject);
    if (key) (key.key as Uint8Array).fill(0);
    this.keys.delete(subject);
    this.erased.add(subject);
  }

  async isErased(subject: string): Promise<boolean> {
    assertSubject(subject);
    return this.erased.has(subject);
  }

  async close(): Promise<void> {
    return;
  }
}

function copy(key: SubjectKey): SubjectKey {
  return { subject: key.subject, keyId: key.keyId, key: Uint8Array.from(key.key) };
}
