import { mintToken, verifyTokenUntil } from './tokens';
import { VerifiedTokenCache } from './verified-token-cache';

const key = new TextEncoder().encode('cache-spec-secret-0123456789-0123456789');
const actor = { id: 'agent-1', role: 'agent' as const };

describe('VerifiedTokenCache', () => {
  it('answers a remembered token until its expiry (with the clock tolerance), then forgets it', async () => {
    const token = await mintToken(key, { role: 'agent', user: 'agent-1', ttl: '10m' });
    const verified = await verifyTokenUntil(key, token, new Date());
    const expiry = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000;
    expect(verified.refusedAfter).toBe(expiry + 5_000);
    const cache = new VerifiedTokenCache();
    cache.remember(token, verified);
    expect(cache.get(token, Date.now())).toEqual(actor);
    expect(cache.get(token, verified.refusedAfter)).toEqual(actor);
    expect(cache.get(token, verified.refusedAfter + 1)).toBeUndefined();
    // Forgotten for good: even an earlier clock does not bring it back.
    expect(cache.get(token, Date.now())).toBeUndefined();
  });

  it('never answers a token that differs in any byte from a remembered one', async () => {
    const token = await mintToken(key, { role: 'agent', user: 'agent-1', ttl: '10m' });
    const cache = new VerifiedTokenCache();
    cache.remember(token, await verifyTokenUntil(key, token, new Date()));
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(cache.get(altered, Date.now())).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new VerifiedTokenCache(2);
    const until = Date.now() + 60_000;
    cache.remember('t1', { actor, refusedAfter: until });
    cache.remember('t2', { actor, refusedAfter: until });
    cache.remember('t3', { actor, refusedAfter: until });
    expect(cache.get('t1', Date.now())).toBeUndefined();
    expect(cache.get('t2', Date.now())).toEqual(actor);
    expect(cache.get('t3', Date.now())).toEqual(actor);
  });
});
