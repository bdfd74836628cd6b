import { wrapProcessor, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { SpanKind } from '@opentelemetry/api';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import type { Tracing } from '../tracing/tracing';
import { processorKind, type ProcessorObserver } from './processor-observer';

/** Enough ids to find a request's events in a batch's line; the count says how many there were in all. */
const LOGGED_CORRELATIONS = 20;

/**
 * Wraps every projection, workflow and relay: per batch of events one log line (processor, positions,
 * count, duration and the batch's correlation ids — never event data), the batch-time histogram, error
 * counts, and a span in the trace of the batch's first correlation id. Nest `Logger` calls made while
 * the batch runs (a workflow's refusal) carry that correlation id too. Empty batches (a filtered scan
 * that found nothing) pass through unobserved.
 */
export class ProcessorTelemetry implements ProcessorObserver {
  /** When each processor's last handled event happened: the lag in seconds is read from it at scrape time. */
  private readonly lastEventTimes = new Map<string, number>();

  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly tracing: Tracing,
    private readonly logger: Logger,
  ) {}

  lastEventTime(processor: string): number | undefined {
    return this.lastEventTimes.get(processor);
  }

  observe(processor: EventProcessor): EventProcessor {
    const labels = { processor: processor.name, kind: processorKind(processor.name) };
    return wrapProcessor(processor, async (events, lastPosition, fence) => {
      if (events.length === 0) return processor.handle(events, lastPosition, fence);
      const correlations = correlationsOf(events);
      const log = this.logger.child({ correlationId: correlations[0], processor: processor.name });
      const batch = {
        kind: labels.kind,
        events: events.length,
        fromPosition: events[0].position,
        toPosition: lastPosition,
        correlationIds: correlations.slice(0, LOGGED_CORRELATIONS),
        correlationCount: correlations.length,
      };
      const started = performance.now();
      const attributes = {
        'c360.processor': processor.name,
        'c360.events': events.length,
        'c360.correlation_ids': batch.correlationIds,
        'c360.causation_ids': [...new Set(events.map((event) => event.metadata.causationId))].slice(0, LOGGED_CORRELATIONS),
      };
      try {
        await this.tracing.inTransactionSpan(`process ${processor.name}`, correlations[0], { kind: SpanKind.CONSUMER, attributes }, () =>
          storage.run(new Store(log), () => processor.handle(events, lastPosition, fence)),
        );
      } catch (error) {
        this.metrics.batchErrors.inc(labels);
        log.warn({ ...batch, durationMs: elapsed(started), err: error }, 'batch failed');
        throw error;
      }
      this.metrics.batchDuration.observe(labels, (performance.now() - started) / 1000);
      this.metrics.processedEvents.inc(labels, events.length);
      this.lastEventTimes.set(processor.name, Date.parse(events[events.length - 1].occurredAt));
      log.info({ ...batch, durationMs: elapsed(started) }, 'batch handled');
    });
  }
}

/** The batch's distinct correlation ids, in log order. */
function correlationsOf(events: readonly EventEnvelope[]): string[] {
  return [...new Set(events.map((event) => event.metadata.correlationId))];
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
