import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { correlationIdOf } from '../logging/correlation-id';
import { bindRequestLogger } from '../logging/request-logger';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { ROOT_LOGGER } from '../observability.tokens';
import { requestSpans } from './request-span.middleware';

/** Scrapes and probes every few seconds would drown the request log; they are still measured. */
const UNLOGGED_ROUTES = new Set(['/metrics', '/health/live', '/health/ready']);

/**
 * Fastify hooks for every route of the app: the correlation id decided first and echoed, a request-bound
 * logger for Nest `Logger` calls, one log line per request (method, route pattern, status,
 * duration, correlation id — never the URL, the body or headers), the latency histogram by operation,
 * error responses counted by their `error` code, and the request span's final name and status.
 */
@Injectable()
export class HttpTelemetry implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: PlatformMetrics,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (typeof fastify?.addHook !== 'function') return; // not Fastify (no HTTP at all: a CLI context)
    // Fastify's request id is the correlation id, so the request-bound logger carries it without a
    // second id to match up.
    fastify.setGenReqId((raw) => correlationIdOf(raw));
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
      void reply.header('X-Correlation-Id', request.id);
      done();
    });
    fastify.addHook('onRequest', bindRequestLogger(this.logger));
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode >= 400)
        this.metrics.httpErrors.inc({ route: routeOf(request), status: reply.statusCode, code: errorCode(payload) });
      return payload;
    });
    fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => this.finished(request, reply));
  }

  private finished(request: FastifyRequest, reply: FastifyReply): void {
    const route = routeOf(request);
    const status = reply.statusCode;
    this.metrics.httpDuration.observe({ method: request.method, route, status }, reply.elapsedTime / 1000);
    const span = requestSpans.get(request.raw);
    span?.updateName(`${request.method} ${route}`);
    span?.setAttributes({ 'http.route': route, 'http.response.status_code': status });
    if (UNLOGGED_ROUTES.has(route)) return;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    const durationMs = Math.round(reply.elapsedTime * 100) / 100;
    // request.id is the correlation id (setGenReqId above). Not `request.raw.log`: middie puts Fastify's own (silent) logger there.
    this.logger[level]({ correlationId: request.id, method: request.method, route, status, durationMs }, 'request completed');
  }
}

/** The route pattern (`/customers/:id/emails/:email`): bounded, and free of the values in the path. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** The error filter answers `{ error: 'validation_failed' | a domain code | … }`; only that field is read. */
function errorCode(payload: unknown): string {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return 'unknown';
  try {
    const code = (JSON.parse(payload) as { error?: unknown }).error;
    return typeof code === 'string' && code.length <= 80 ? code : 'unknown';
  } catch {
    return 'unknown';
  }
}
