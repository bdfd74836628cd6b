import { KeyedMutex, UUID_PATTERN, type Clock, type DocumentStore } from '@c360/kernel';
import {
  HttpStatus,
  Inject,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { requestActor } from '../auth/request-actor';
import { CLOCK, DOCUMENT_STORE } from '../infrastructure/tokens';
import { IdempotencyKeys, requestFingerprint } from './idempotency-keys';

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Binds each Idempotency-Key to the request it was first used with. The same key with the same request
 * goes on to the command handler, which answers the first result (`duplicate: true`); with a different
 * request (method, path, actor or body) it answers 422 `idempotency-key-reused` and runs nothing.
 * A key is remembered once its request succeeded: a request refused by validation or a rule may be
 * corrected and retried with the same key. Requests with one key take turns in this process.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: IdempotencyKeys;
  private readonly turns = new KeyedMutex();

  constructor(
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keys = new IdempotencyKeys(documents);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    const key = (Array.isArray(header) ? header[0] : header)?.toLowerCase();
    // A malformed key is refused (400) by the command context; a safe method changes nothing to bind.
    if (key === undefined || !UUID_PATTERN.test(key) || SAFE.includes(request.method)) return next.handle();
    const actor = requestActor(request);
    const fingerprint = requestFingerprint(request.method, request.url, actor, request.body);
    return from(
      this.turns.run(key, async () => {
        const first = await this.keys.get(key);
        if (first && first.fingerprint !== fingerprint) throw reused(first.method, first.path);
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (!first && actor) {
          const usedAt = this.clock.now().toISOString();
          await this.keys.remember(key, { fingerprint, method: request.method, path: request.url, actor, usedAt });
        }
        return result;
      }),
    );
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
