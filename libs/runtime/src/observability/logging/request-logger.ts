import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';

/**
 * Fastify `onRequest` hook: every Nest `Logger` call made while serving the request (nestjs-pino reads
 * its logger from this AsyncLocalStorage) carries the request's correlation id, and only that: never the
 * request with its headers.
 *
 * The child logger is made on the first such call. Most requests log nothing but their request line
 * (written by HttpTelemetry with the id), and pino-http made two pino children for every request, which
 * cost 8 % of the platform's CPU serving `/health/live` (ADR 0012 amendment).
 */
export function bindRequestLogger(root: Logger) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    let child: Logger | undefined;
    // nestjs-pino's Store, whose `logger` is made when first read (PinoLogger.assign may replace it).
    const store = Object.create(Store.prototype, {
      logger: {
        get: () => (child ??= root.child({ correlationId: request.id })),
        set: (logger: Logger) => (child = logger),
        enumerable: true,
      },
    }) as Store;
    storage.run(store, done);
  };
}
