import type { Actor } from '@c360/kernel';
import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticator';
import type { ServiceCaller, ServiceRequest, ServiceResponse } from './service-caller';

/** The caller's credential and tracing headers, forwarded to the owning service as they came. */
const FORWARDED = ['authorization', 'x-api-key', 'x-correlation-id', 'traceparent'] as const;

/**
 * What one GraphQL request carries to its resolvers: who is calling (verified once, lazily, so the
 * schema itself can be introspected without a token) and a DataLoader, created per request, through
 * which every read goes: the same read asked for twice by one query is made once.
 */
export class GatewayContext {
  private actorPromise?: Promise<Actor>;
  private position?: bigint;
  readonly reads: DataLoader<ServiceRequest, ServiceResponse, string>;

  constructor(
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    private readonly authenticator: Authenticator,
    private readonly caller: ServiceCaller,
  ) {
    this.reads = new DataLoader((requests) => Promise.all(requests.map((one) => this.caller.call(one))), {
      cacheKeyFn: (one) => `${one.context} ${one.url} ${one.headers['c360-min-position'] ?? ''}`,
    });
  }

  actor(): Promise<Actor> {
    this.actorPromise ??= this.authenticator.authenticate(this.request);
    return this.actorPromise;
  }

  forwardedHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = this.request.headers[name];
      const one = Array.isArray(value) ? value[0] : value;
      if (one !== undefined) headers[name] = one;
    }
    return headers;
  }

  /** The answer's `C360-Position` is the highest position any of its reads or writes reported. */
  notePosition(position: string | undefined): void {
    if (position === undefined || !/^\d+$/.test(position)) return;
    const value = BigInt(position);
    if (this.position !== undefined && this.position >= value) return;
    this.position = value;
    void this.reply.header('c360-position', position);
  }
}
