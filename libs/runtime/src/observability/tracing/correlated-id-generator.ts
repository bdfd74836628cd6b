import { RandomIdGenerator, type IdGenerator } from '@opentelemetry/sdk-trace-base';
import { createHash } from 'node:crypto';

/**
 * The trace id of a business transaction is derived from its correlation id. A request's span and the
 * projection and reaction batches its events cause later, on another subscription and without any
 * parent span in memory, then land in one trace — found again by the correlation id that logs and
 * event metadata already carry. The event envelope stays as it is (no `traceparent` in the log).
 */
export function traceIdFor(correlationId: string): string {
  const hex = correlationId.replace(/-/g, '').toLowerCase();
  // A UUID is already 32 hex digits: keep it readable as itself in the tracing UI.
  if (/^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex)) return hex;
  return createHash('sha256').update(correlationId).digest('hex').slice(0, 32);
}

/**
 * Random ids, except for the root span started by `seeded`: that one gets the trace id of its
 * correlation id. The SDK asks for a trace id only for a span without a parent, and synchronously
 * inside `startSpan`, so a seed set just around that call cannot leak to another span.
 */
export class CorrelatedIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  private seed: string | undefined;

  generateTraceId(): string {
    return this.seed ?? this.random.generateTraceId();
  }

  generateSpanId(): string {
    return this.random.generateSpanId();
  }

  seeded<T>(correlationId: string | undefined, start: () => T): T {
    this.seed = correlationId === undefined ? undefined : traceIdFor(correlationId);
    try {
      return start();
    } finally {
      this.seed = undefined;
    }
  }
}
