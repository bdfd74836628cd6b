import { createHash } from 'node:crypto';
import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from '../duplicates/name-similarity';
import { normaliseReferralCode, referralCodeFor } from '../referral/referral-code';
import { normaliseEmail } from './email';
import { identityKey } from './identity-key';
import { foldName, nameSearchKeys } from './person-name';
import { normalisePhone } from './phone';
import { normaliseLanguage } from './profile-values';

describe('contact values', () => {
  it('lower-cases and trims e-mails, refusing what is not one', () => {
    expect(normaliseEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
    for (const bad of ['ann', 'ann@', '@example.com', 'a b@example.com', 'ann@example']) expect(() => normaliseEmail(bad)).toThrow();
  });

  it('turns phones into E.164, in the default region (NO) unless told otherwise', () => {
    expect(normalisePhone('912 34 567')).toBe('+4791234567');
    expect(normalisePhone('0046 70 123 45 67')).toBe('+46701234567');
    expect(normalisePhone('(201) 555-0123', 'US')).toBe('+12015550123');
    expect(() => normalisePhone('12')).toThrow(expect.objectContaining({ code: 'contacts.invalid-phone' }));
    expect(() => normalisePhone('912 34 567', 'XX')).toThrow(expect.objectContaining({ code: 'contacts.invalid-region' }));
  });

  it('keys identities by a keyed hash that never contains the value and changes with the key', () => {
    const claimKey = new Uint8Array(32).fill(7);
    const key = identityKey({ kind: 'email', value: 'ann@example.com' }, claimKey);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(identityKey({ kind: 'phone', value: 'ann@example.com' }, claimKey));
    expect(key).not.toBe(identityKey({ kind: 'email', value: 'ann@example.com' }, new Uint8Array(32).fill(8)));
    // Not the unkeyed SHA-256 a dictionary attack would compute.
    expect(key).not.toBe(createHash('sha256').update('email:ann@example.com').digest('hex'));
    expect(() => identityKey({ kind: 'email', value: 'ann@example.com' }, new Uint8Array(8))).toThrow(TypeError);
  });

  it('searches names by any word prefix, accents and case ignored', () => {
    // Issue 13 folds ø to o (it used to stay ø).
    expect(foldName('  Åse   Ødegård-Berg ')).toBe('ase odegard berg');
    const keys = nameSearchKeys({ first: 'Ann', last: 'Lee' });
    expect(keys).toEqual(expect.arrayContaining(['a', 'ann', 'ann l', 'ann lee', 'l', 'lee', 'lee a', 'lee ann']));
    expect(keys).not.toContain('nn');
    expect(nameSearchKeys({ $erased: true })).toEqual([]);
  });

  it('scores similar names', () => {
    expect(nameSimilarity('Jon Smith', 'John Smith')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(nameSimilarity('Ann Lee', 'Lee Ann')).toBe(1);
    expect(nameSimilarity('Ann Lee', 'Bo Berg')).toBeLessThan(SIMILAR_NAME_THRESHOLD);
  });

  it('derives a stable, readable referral code', () => {
    const code = referralCodeFor('0190a000-0000-7000-8000-000000000001');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(referralCodeFor('0190a000-0000-7000-8000-000000000001')).toBe(code);
    expect(normaliseReferralCode(` ${code.toLowerCase()} `)).toBe(code);
  });

  it('canonicalises language tags', () => {
    expect(normaliseLanguage('EN-gb')).toBe('en-GB');
    expect(normaliseLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
  });
});
