import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { SpanKind, context, propagation, trace, type Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from '../logging/correlation-id';
import { TRACING } from '../observability.tokens';
import type { Tracing } from '../tracing/tracing';

/** The span of each request in flight, for HttpTelemetry to name once Fastify has matched the route. */
export const requestSpans = new WeakMap<IncomingMessage, Span>();

/**
 * Opens the request's span and runs the rest of the request inside it (a middleware, because only a
 * `next()` called inside `context.with` carries the span through AsyncLocalStorage into the handler,
 * the command and the append). It continues a caller's W3C `traceparent`; without one the trace id
 * is derived from the correlation id. Registered only when tracing is on.
 */
@Injectable()
export class RequestSpanMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  constructor(@Inject(TRACING) private readonly tracing: Tracing) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const correlationId = correlationIdOf(request, response);
    const parent = propagation.extract(context.active(), request.headers);
    const span = this.tracing.startTransactionSpan(`${request.method} request`, correlationId, {
      kind: SpanKind.SERVER,
      parent,
      attributes: { 'http.request.method': request.method ?? 'GET', 'c360.correlation_id': correlationId },
    });
    if (!span) return next();
    requestSpans.set(request, span);
    response.once('close', () => span.end());
    context.with(trace.setSpan(parent, span), next);
  }
}
