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
  });

  it('derives the same event ids from the same command id', () => {
    expect(deriveEventId('cmd-1', 0)).toBe(deriveEventId('cmd-1', 0));
    expect(deriveEventId('cmd-1', 0)).not.toBe(deriveEventId('cmd-1', 1));
  });
});
