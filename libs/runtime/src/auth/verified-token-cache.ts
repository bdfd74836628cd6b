import type { Actor } from '@c360/kernel';
import type { VerifiedToken } from './tokens';

/**
 * Remembers tokens whose signature was already checked, until they expire. An HMAC verification
 * through WebCrypto costs about a tenth of a simple command's CPU (issue 11's profile), and a client
 * sends the same bearer token with every request. Only successes are kept, each no longer than its own
 * expiry, keyed by the whole token string: a token that differs in any byte is verified afresh, so a
 * forged or altered token never meets a cached answer. Bounded: the oldest entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string, now: number): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now > entry.refusedAfter) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.actor;
  }

  remember(token: string, verified: VerifiedToken): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, verified);
  }
}
