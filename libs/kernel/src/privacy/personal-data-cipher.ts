import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SubjectKey } from './key-store.port';

/** How an encrypted personal value is stored in an event: self-describing, JSON-safe. */
export interface EncryptedPersonalData {
  readonly $pii: 'v1';
  /** Whose key sealed the value (a customer id): the value is unreadable once that key is deleted. */
  readonly subject: string;
  readonly keyId: string;
  /** 12-byte nonce, base64. */
  readonly iv: string;
  /** 16-byte GCM authentication tag, base64. */
  readonly tag: string;
  /** Ciphertext of the value's JSON, base64. */
  readonly data: string;
}

/** What a reader gets instead of a value whose key was deleted. JSON-safe, so exports can show it. */
export interface ErasedPersonalData {
  readonly $erased: true;
}

export const ERASED: ErasedPersonalData = Object.freeze({ $erased: true as const });

export function isErased(value: unknown): value is ErasedPersonalData {
  return typeof value === 'object' && value !== null && (value as { $erased?: unknown }).$erased === true;
}

export function isEncryptedPersonalData(value: unknown): value is EncryptedPersonalData {
  if (typeof value !== 'object' || value === null) return false;
  const blob = value as Record<string, unknown>;
  return (
    blob.$pii === 'v1' &&
    typeof blob.subject === 'string' &&
    typeof blob.keyId === 'string' &&
    typeof blob.iv === 'string' &&
    typeof blob.tag === 'string' &&
    typeof blob.data === 'string'
  );
}

/** A blob that fails authentication was altered or sealed under another subject: never read as valid. */
export class PersonalDataIntegrityError extends Error {
  override readonly name = 'PersonalDataIntegrityError';
  constructor(
    readonly subject: string,
    readonly keyId: string,
  ) {
    super(`Encrypted personal data of subject "${subject}" (key ${keyId}) failed authentication`);
  }
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * AES-256-GCM over a value's JSON. Pure apart from the random nonce: no I/O, keys are handed in.
 * The subject and key id are bound as additional authenticated data, so a blob cannot be moved to
 * another customer's event and still decrypt.
 */
export class PersonalDataCipher {
  encrypt(value: unknown, key: SubjectKey): EncryptedPersonalData {
    if (value === undefined) throw new TypeError('Cannot encrypt undefined: leave the field out instead');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.key, iv);
    cipher.setAAD(aad(key.subject, key.keyId));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      $pii: 'v1',
      subject: key.subject,
      keyId: key.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /**
   * The value, or ERASED when the key is gone (undefined, or a different key than the one that sealed
   * the blob: that key no longer exists). Throws PersonalDataIntegrityError on a tampered blob.
   */
  decrypt(blob: EncryptedPersonalData, key: SubjectKey | undefined): unknown {
    if (key === undefined || key.keyId !== blob.keyId || key.subject !== blob.subject) return ERASED;
    try {
      const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(blob.iv, 'base64'));
      decipher.setAAD(aad(blob.subject, blob.keyId));
      decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(blob.data, 'base64')), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      throw new PersonalDataIntegrityError(blob.subject, blob.keyId);
    }
  }
}

function aad(subject: string, keyId: string): Buffer {
  return Buffer.from(`c360-pii:v1:${subject}:${keyId}`, 'utf8');
}
