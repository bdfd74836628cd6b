/**
 * Per-subject encryption keys (a subject is usually a customer id). Crypto-shredding rests on this
 * port: personal data in events is encrypted with the subject's key, and deleting the key makes every
 * copy of that data (log, backups, replicas) unreadable while the log itself stays immutable.
 */
export interface SubjectKey {
  readonly subject: string;
  /** Identifies this key; a blob names the key that sealed it. */
  readonly keyId: string;
  /** 32 bytes for AES-256-GCM. */
  readonly key: Uint8Array;
}

export interface KeyStore {
  /**
   * The subject's key, created on first use (later calls return the same key, also when they race).
   * Throws SubjectErasedError once the subject's key was deleted: an erased subject stays erased, so
   * no new personal data can be written for it by mistake.
   */
  create(subject: string): Promise<SubjectKey>;
  /** The subject's key; undefined when it never existed or was deleted. */
  get(subject: string): Promise<SubjectKey | undefined>;
  /**
   * Deletes the subject's key for good (idempotent). Adapters overwrite the key's bytes rather than
   * merely unlinking them, and remember that the subject was erased.
   */
  delete(subject: string): Promise<void>;
  /** True once `delete` ran for the subject. */
  isErased(subject: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Asked for a key of a subject whose key was deleted. */
export class SubjectErasedError extends Error {
  override readonly name = 'SubjectErasedError';
  constructor(readonly subject: string) {
    super(`The personal-data key of subject "${subject}" was deleted (erased); no new key can be created for it`);
  }
}

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;

/** Subjects are ids (letters, digits, `:._-`), never personal data themselves. */
export function assertSubject(subject: unknown): asserts subject is string {
  if (typeof subject !== 'string' || !SUBJECT.test(subject)) {
    throw new TypeError(`A key subject must be an id of 1-200 letters, digits, ":", ".", "_" or "-" (got ${JSON.stringify(subject)})`);
  }
}

export const SUBJECT_KEY_BYTES = 32;
