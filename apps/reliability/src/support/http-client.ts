import type { Role } from '@c360/runtime';
import { tokenFor } from './tokens';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Sent as it is (a string is not JSON-encoded again). */
  readonly raw?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** The role whose token is sent (default: the client's); `null` sends no credential. */
  readonly as?: Role | null;
  readonly idempotencyKey?: string;
  readonly timeoutMs?: number;
}

/**
 * A small HTTP client for the real platform: JSON in and out, a bearer token per role (signed with the
 * suite's secret), `Idempotency-Key` when asked. A refused connection (the process was killed) rejects,
 * like any network error; an answer of any status resolves.
 */
export class PlatformClient {
  private readonly tokens = new Map<Role, string>();

  constructor(
    private readonly base: () => string,
    private readonly role: Role = 'agent',
  ) {}

  as(role: Role): PlatformClient {
    return new PlatformClient(this.base, role);
  }

  token(role: Role): string {
    let token = this.tokens.get(role);
    if (!token) this.tokens.set(role, (token = tokenFor(role)));
    return token;
  }

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const role = options.as === undefined ? this.role : options.as;
    const headers: Record<string, string> = {
      ...(role ? { Authorization: `Bearer ${this.token(role)}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
      ...options.headers,
    };
    const response = await fetch(`${this.base()}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the text as it came
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body });
  }

  /** Like `request`, but any answer other than `expected` throws with the answer in the message. */
  async expect<T = Record<string, unknown>>(expected: number, method: string, path: string, options?: RequestOptions): Promise<T> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status !== expected) {
      throw new Error(`${method} ${path}: ${answer.status}, expected ${expected}: ${JSON.stringify(answer.body).slice(0, 800)}`);
    }
    return answer.body;
  }
}

/** Runs `worker(i)` for i in [0, count) with at most `concurrency` at a time; resolves with the results in order. */
export async function pool<T>(count: number, concurrency: number, worker: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await worker(index);
      }
    }),
  );
  return results;
}

/** A seeded pseudo-random generator (mulberry32), so that a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
