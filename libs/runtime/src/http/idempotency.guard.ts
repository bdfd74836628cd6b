import { KeyedMutex, UUID_PATTERN, type Actor, type Clock, type DocumentStore } from '@c360/kernel';
import {
  HttpStatus,
  Inject,
  Injectable,
  UnprocessableEntityException,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../auth/request-actor';
import { CLOCK, DOCUMENT_STORE } from '../infrastructure/tokens';
import { IdempotencyKeys, requestFingerprint, type IdempotencyRecord } from './idempotency-keys';

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

/** A keyed request between its guard and its response. */
interface KeyedRequest {
  readonly key: string;
  readonly fingerprint: string;
  readonly actor: Actor | undefined;
  readonly first: IdempotencyRecord | null;
  readonly release: () => void;
}

const KEYED = Symbol('c360.idempotency');
type WithKey = FastifyRequest & { [KEYED]?: KeyedRequest };

/**
 * Binds each Idempotency-Key to the request it was first used with. The same key with the same request
 * goes on to the command handler, which answers the first result (`duplicate: true`); with a different
 * request (method, path, actor or body) it answers 422 `idempotency-key-reused` and runs nothing.
 * A key is remembered once its request succeeded: a request refused by validation or a rule may be
 * corrected and retried with the same key. Requests with one key take turns in this process.
 *
 * A guard (after authentication, which gives the actor) and a Fastify `onSend` hook rather than a Nest
 * interceptor: every interceptor costs each request of every route an rxjs pipeline and an AsyncResource,
 * which halved the throughput of `/health/live` (ADR 0012 amendment).
 */
@Injectable()
export class IdempotencyGuard implements CanActivate, OnModuleInit {
  private readonly keys: IdempotencyKeys;
  private readonly turns = new KeyedMutex();

  constructor(
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.keys = new IdempotencyKeys(documents);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (typeof fastify?.addHook !== 'function') return; // no HTTP (a CLI context)
    // The key is remembered before the answer leaves, so a retry that follows the answer finds it.
    fastify.addHook('onSend', async (request: WithKey, reply: FastifyReply, payload: unknown) => {
      await this.finish(request, reply.statusCode);
      return payload;
    });
    // Only a response that never reached onSend gets here still holding its turn.
    fastify.addHook('onResponse', async (request: WithKey) => request[KEYED]?.release());
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<WithKey>();
    const header = request.headers['idempotency-key'];
    const key = (Array.isArray(header) ? header[0] : header)?.toLowerCase();
    // A malformed key is refused (400) by the command context; a safe method changes nothing to bind.
    if (key === undefined || !UUID_PATTERN.test(key) || SAFE.includes(request.method)) return true;
    const actor = requestActor(request);
    const fingerprint = requestFingerprint(request.method, request.url, actor, request.body);
    const release = await this.turns.acquire(key);
    try {
      const first = await this.keys.get(key);
      if (first && first.fingerprint !== fingerprint) throw reused(first.method, first.path);
      request[KEYED] = { key, fingerprint, actor, first, release };
      return true;
    } catch (error) {
      release();
      throw error;
    }
  }

  private async finish(request: WithKey, status: number): Promise<void> {
    const keyed = request[KEYED];
    if (!keyed) return;
    request[KEYED] = undefined;
    try {
      if (status < 400 && !keyed.first && keyed.actor) {
        const usedAt = this.clock.now().toISOString();
        await this.keys.remember(keyed.key, {
          fingerprint: keyed.fingerprint,
          method: request.method,
          path: request.url,
          actor: keyed.actor,
          usedAt,
        });
      }
    } finally {
      keyed.release();
    }
  }
}

function reused(method: string, path: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
    error: 'idempotency-key-reused',
    message: `This Idempotency-Key was first used for another request (${method} ${path}, or another caller or body); send a new key`,
    fields: [{ field: 'Idempotency-Key', problems: ['was used for a different request'] }],
  });
}
