import { randomBytes } from 'node:crypto';
import { ERASED, PersonalDataCipher, PersonalDataIntegrityError, isEncryptedPersonalData, isErased } from './personal-data-cipher';
import type { SubjectKey } from './key-store.port';

const key = (subject = 'customer-1', keyId = 'key-1'): SubjectKey => ({ subject, keyId, key: randomBytes(32) });

describe('PersonalDataCipher (AES-256-GCM per subject)', () => {
  const cipher = new PersonalDataCipher();

  it('round-trips any JSON value, sealed into a self-describing blob without plaintext', () => {
    const k = key();
    const value = { first: 'Ann', emails: ['ann@example.com'], age: 36, vip: true, nothing: null };
    const blob = cipher.encrypt(value, k);
    expect(blob).toMatchObject({ $pii: 'v1', subject: 'customer-1', keyId: 'key-1' });
    expect(isEncryptedPersonalData(blob)).toBe(true);
    expect(JSON.stringify(blob)).not.toMatch(/Ann|example/);
    expect(cipher.decrypt(blob, k)).toEqual(value);
  });

  it('uses a fresh nonce each time', () => {
    const k = key();
    expect(cipher.encrypt('same', k).data).not.toBe(cipher.encrypt('same', k).data);
  });

  it('answers ERASED when the key is gone or is not the key that sealed the blob', () => {
    const k = key();
    const blob = cipher.encrypt('Ann', k);
    expect(cipher.decrypt(blob, undefined)).toBe(ERASED);
    expect(isErased(cipher.decrypt(blob, { ...key(), subject: 'customer-1', keyId: 'key-2' }))).toBe(true);
  });

  it('refuses a tampered blob or one moved to another subject', () => {
    const k = key();
    const blob = cipher.encrypt('Ann', k);
    const flipped = Buffer.from(blob.data, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt({ ...blob, data: flipped.toString('base64') }, k)).toThrow(PersonalDataIntegrityError);
    // Same key bytes under another subject name: the authenticated subject no longer matches.
    const other: SubjectKey = { subject: 'customer-2', keyId: 'key-1', key: k.key };
    expect(() => cipher.decrypt({ ...blob, subject: 'customer-2' }, other)).toThrow(PersonalDataIntegrityError);
  });

  it('cannot encrypt undefined', () => {
    expect(() => cipher.encrypt(undefined, key())).toThrow(TypeError);
  });
});
