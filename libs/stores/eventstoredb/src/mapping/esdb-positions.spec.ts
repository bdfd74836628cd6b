import { appendPosition, checkpointPosition, eventPosition, resumableCheckpoint, toRevision } from './esdb-positions';

describe('EventStoreDB positions as port positions', () => {
  it('uses the position of a self-committed event (commit = prepare) as the number', () => {
    expect(eventPosition({ commit: 4_096n, prepare: 4_096n }, 'e-1')).toBe(4_096);
  });

  it('refuses an event committed apart from its record (legacy explicit transaction)', () => {
    expect(() => eventPosition({ commit: 9_000n, prepare: 4_096n }, 'e-1')).toThrow(/explicit transaction/);
  });

  it('refuses an event without a position (servers before 22.6), which the client reports as (0, 0)', () => {
    expect(() => eventPosition(undefined, 'e-1')).toThrow(/22\.6/);
    // What the client actually hands over then: the protobuf defaults.
    expect(() => eventPosition({ commit: 0n, prepare: 0n }, 'e-1')).toThrow(/22\.6/);
  });

  it('refuses positions past Number.MAX_SAFE_INTEGER instead of rounding them', () => {
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => eventPosition({ commit: beyond, prepare: beyond }, 'e-1')).toThrow(RangeError);
    expect(() => eventPosition({ commit: beyond, prepare: beyond }, 'e-1')).toThrow(/MAX_SAFE_INTEGER/);
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(eventPosition({ commit: max, prepare: max }, 'e-1')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('maps a checkpoint back to the commit/prepare pair of the event it names', () => {
    expect(checkpointPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
    expect(checkpointPosition(0)).toEqual({ commit: 0n, prepare: 0n });
    expect(() => checkpointPosition(-1)).toThrow(/integer >= 0/);
    expect(() => checkpointPosition(1.5)).toThrow(/integer >= 0/);
  });

  it('answers an append with its commit position, which is the last event of the batch', () => {
    // A three-event batch: prepare is where the batch began (its first event), commit its last event.
    expect(appendPosition({ commit: 700n, prepare: 100n }, 's')).toBe(700);
  });

  it('accepts only server checkpoints that name an event record', () => {
    expect(resumableCheckpoint({ commit: 5_000n, prepare: 5_000n })).toBe(5_000);
    // A catch-up page boundary: the post-position of a record, prepare 0.
    expect(resumableCheckpoint({ commit: 5_123n, prepare: 0n })).toBeUndefined();
    // The start of the log is not an event.
    expect(resumableCheckpoint({ commit: 0n, prepare: 0n })).toBeUndefined();
  });

  it('maps stream revisions, refusing the impossible', () => {
    expect(toRevision(41n, 's')).toBe(41);
    expect(() => toRevision(BigInt(Number.MAX_SAFE_INTEGER) * 2n, 's')).toThrow(/Revision of "s"/);
  });
});
