import type { DomainEvent } from '../envelope/event-envelope';
import { PersonalDataCipher, isEncryptedPersonalData, type EncryptedPersonalData } from './personal-data-cipher';
import type { KeyStore, SubjectKey } from './key-store.port';

/** Which fields of one event type hold personal data, and whose key protects them. */
export interface PersonalDataRule {
  /** The subject (customer id) the personal fields are about; its key seals them. */
  subject(data: Readonly<Record<string, unknown>>, streamId?: string): string;
  /** Top-level fields of `data` to encrypt (absent fields are skipped). */
  readonly fields: readonly string[];
}

/** Per event type; event types without a rule carry no personal data. */
export type PersonalDataPolicy = Readonly<Record<string, PersonalDataRule>>;

/**
 * Encrypts the personal fields of events before they are stored and decrypts them after they are
 * read. Deciders and projections keep working on plaintext; the event store only ever sees blobs.
 * Reading needs no policy: every `$pii` blob found anywhere in an event's data is opened (or becomes
 * ERASED when its key was deleted), so old events keep decrypting when a policy changes.
 */
export class PersonalDataProtector {
  constructor(
    private readonly keys: KeyStore,
    private readonly policy: PersonalDataPolicy,
    private readonly cipher: PersonalDataCipher = new PersonalDataCipher(),
  ) {}

  /** Events with their personal fields encrypted (keys are created on first use). */
  async protect<E extends DomainEvent>(events: readonly E[], streamId?: string): Promise<E[]> {
    const keys = new Map<string, SubjectKey>();
    const out: E[] = [];
    for (const event of events) {
      const rule = this.policy[event.type];
      const data = event.data as Record<string, unknown> | null;
      const fields =
        rule && data !== null && typeof data === 'object'
          ? rule.fields.filter((field) => data[field] !== undefined && !isEncryptedPersonalData(data[field]))
          : [];
      if (!rule || !data || fields.length === 0) {
        // Nothing personal in this one: no key is needed (nor created, nor refused for an erased subject).
        out.push(event);
        continue;
      }
      const subject = rule.subject(data, streamId);
      let key = keys.get(subject);
      if (!key) {
        key = await this.keys.create(subject);
        keys.set(subject, key);
      }
      const sealed: Record<string, unknown> = { ...data };
      for (const field of fields) sealed[field] = this.cipher.encrypt(sealed[field], key);
      out.push({ ...event, data: sealed });
    }
    return out;
  }

  /** Events with every personal blob opened, or replaced by ERASED when its key is gone. */
  async reveal<E extends { readonly data: unknown }>(events: readonly E[]): Promise<E[]> {
    const keys = new Map<string, SubjectKey | undefined>();
    const out: E[] = [];
    for (const event of events) {
      if (!containsBlob(event.data)) {
        out.push(event);
        continue;
      }
      out.push({ ...event, data: await this.open(event.data, keys) });
    }
    return out;
  }

  /** One value (for example a read-model field) with its blobs opened. */
  async revealValue(value: unknown): Promise<unknown> {
    return containsBlob(value) ? this.open(value, new Map()) : value;
  }

  private async open(value: unknown, keys: Map<string, SubjectKey | undefined>): Promise<unknown> {
    if (isEncryptedPersonalData(value)) return this.cipher.decrypt(value, await this.keyOf(value, keys));
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) items.push(await this.open(item, keys));
      return items;
    }
    if (value !== null && typeof value === 'object') {
      const opened: Record<string, unknown> = {};
      for (const [field, item] of Object.entries(value)) opened[field] = await this.open(item, keys);
      return opened;
    }
    return value;
  }

  private async keyOf(blob: EncryptedPersonalData, keys: Map<string, SubjectKey | undefined>): Promise<SubjectKey | undefined> {
    // Memoised per call only: a key cached longer would outlive its deletion.
    if (!keys.has(blob.subject)) keys.set(blob.subject, await this.keys.get(blob.subject));
    return keys.get(blob.subject);
  }
}

function containsBlob(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isEncryptedPersonalData(value)) return true;
  return Object.values(value).some(containsBlob);
}
