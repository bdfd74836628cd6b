import { createHash } from 'node:crypto';
import { deriveEventId } from './id-generator';
import { UUID_PATTERN, uuidv5, uuidv7 } from './uuid';

describe('uuids', () => {
  it('makes time-ordered v7 ids, ordered even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000));
    expect(ids.every((id) => UUID_PATTERN.test(id) && id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('matches the RFC 9562 v5 test vector', () => {
    // RFC 9562 appendix A.4: DNS namespace, "www.example.com".
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // Long and non-ASCII names hash the same bytes as a plain SHA-1 of namespace + UTF-8 name.
    for (const name of ['x'.repeat(5_000), 'مشتری-ลูกค้า-client/0']) {
      const sha1 = createHash('sha1').update(Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex')).update(name, 'utf8').digest('hex');
      const expected = `${sha1.slice(0, 8)}-${sha1.slice(8, 12)}-5${sha1.slice(13, 16)}-${((parseInt(sha1.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${sha1.slice(18, 20)}-${sha1.slice(20, 32)}`;
      expect(uuidv5(name, '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(expected);
    }
  });

  it('derives the same event ids from the same command id', () => {
    expect(deriveEventId('cmd-1', 0)).toBe(deriveEventId('cmd-1', 0));
    expect(deriveEventId('cmd-1', 0)).not.toBe(deriveEventId('cmd-1', 1));
  });
});
