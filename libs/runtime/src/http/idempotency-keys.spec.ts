import { requestFingerprint } from './idempotency-keys';

describe('requestFingerprint', () => {
  const actor = { id: 'agent-1', role: 'agent' as const };

  it('is the same for the same request whatever the order of its body keys', () => {
    expect(requestFingerprint('post', '/a', actor, { x: 1, y: { b: 2, a: [1, { d: 1, c: 2 }] } })).toBe(
      requestFingerprint('POST', '/a', actor, { y: { a: [1, { c: 2, d: 1 }], b: 2 }, x: 1 }),
    );
  });

  it('differs with the method, path, query, actor or body', () => {
    const base = requestFingerprint('POST', '/a', actor, { x: 1 });
    expect(
      new Set([
        base,
        requestFingerprint('PUT', '/a', actor, { x: 1 }),
        requestFingerprint('POST', '/b', actor, { x: 1 }),
        requestFingerprint('POST', '/a?x=1', actor, { x: 1 }),
        requestFingerprint('POST', '/a', { id: 'agent-2', role: 'agent' }, { x: 1 }),
        requestFingerprint('POST', '/a', { id: 'agent-1', role: 'supervisor' }, { x: 1 }),
        requestFingerprint('POST', '/a', actor, { x: 2 }),
        requestFingerprint('POST', '/a', actor, undefined),
      ]).size,
    ).toBe(8);
  });
});
