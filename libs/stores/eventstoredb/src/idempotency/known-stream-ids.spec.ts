import { IdempotencyConflictError } from '@c360/kernel';
import { KnownStream, KnownStreamIds } from './known-stream-ids';

const events = (...pairs: Array<[string, number]>) => pairs.map(([id, revision]) => ({ id, revision }));

describe("what is known of a stream's event ids", () => {
  it('grows only by continuation, skipping what it already knows', () => {
    const known = new KnownStream();
    expect(known.extend(events(['a', 0], ['b', 1]))).toBe(true);
    expect(known.extend(events(['b', 1], ['c', 2]))).toBe(true);
    expect(known.revision).toBe(2);
    expect(known.extend(events(['e', 4]))).toBe(false);
    expect(known.revision).toBe(2);
  });

  it('starts at the first readable event of a truncated stream', () => {
    const known = new KnownStream();
    expect(known.extend(events(['x', 40], ['y', 41]))).toBe(true);
    expect(known.revision).toBe(41);
  });

  it('classifies a batch: new, the same batch again, or a partial overlap', () => {
    const known = new KnownStream();
    known.extend(events(['a', 0], ['b', 1], ['c', 2]));
    expect(known.classify('s', ['n1', 'n2'])).toEqual({ kind: 'new' });
    expect(known.classify('s', ['a', 'b'])).toEqual({ kind: 'duplicate', lastRevision: 1 });
    expect(known.classify('s', ['b', 'c'])).toEqual({ kind: 'duplicate', lastRevision: 2 });
    expect(() => known.classify('s', ['b', 'n1'])).toThrow(IdempotencyConflictError);
    expect(() => known.classify('s', ['n1', 'a'])).toThrow(IdempotencyConflictError);
    expect(() => known.classify('s', ['b', 'a'])).toThrow(IdempotencyConflictError);
  });

  it('keeps the most recently used streams within a bound on ids', () => {
    const index = new KnownStreamIds(4);
    const streamWith = (count: number) => {
      const known = new KnownStream();
      known.extend(Array.from({ length: count }, (_, revision) => ({ id: `id-${revision}`, revision })));
      return known;
    };
    index.remember('a', streamWith(2));
    index.remember('b', streamWith(2));
    index.get('a');
    index.remember('c', streamWith(2));
    expect(index.get('b')).toBeUndefined();
    expect(index.get('a')).toBeDefined();
    expect(index.get('c')).toBeDefined();
    index.remember('huge', streamWith(5));
    expect(index.get('huge')).toBeUndefined();
    expect(index.get('a')).toBeDefined();
  });
});
