import type { CommandObservation, CommandObserver, CommandSpanInfo, EventStore } from '@c360/kernel';
import type { Tracing } from '../tracing/tracing';
import { withAppendSpans } from '../tracing/traced-event-store';
import type { PlatformMetrics } from './platform-metrics';

/**
 * What `ContextModule` plugs into each context's CommandHandler: the kernel's observer counting and
 * timing commands in Prometheus (events appended come from the same observation), a span per command
 * when tracing is on, and the context's store view with a span per append.
 */
export class CommandTelemetry implements CommandObserver {
  readonly around: CommandObserver['around'];

  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly tracing: Tracing,
  ) {
    // Without tracing there is no `around` at all: the handler then calls the command directly.
    this.around = tracing.enabled ? (info, work) => this.span(info, work) : undefined;
  }

  onCommand({ aggregate, command, outcome, durationMs, retries, events }: CommandObservation): void {
    const labels = { aggregate, command: command ?? 'unknown', outcome };
    this.metrics.commands.inc(labels);
    this.metrics.commandDuration.observe(labels, durationMs / 1000);
    if (retries > 0) this.metrics.commandRetries.inc({ aggregate }, retries);
    if (events > 0) this.metrics.eventsAppended.inc({ aggregate }, events);
  }

  /** The context's event store, with append spans when tracing is on. */
  eventStore(store: EventStore): EventStore {
    return withAppendSpans(store, this.tracing);
  }

  private span<T>({ aggregate, command, streamId, context }: CommandSpanInfo, work: () => Promise<T>): Promise<T> {
    const attributes = {
      'c360.aggregate': aggregate,
      'c360.command': command ?? 'unknown',
      'c360.stream_id': streamId,
      'c360.command_id': context.commandId,
      'c360.correlation_id': context.correlationId ?? context.commandId,
      'c360.causation_id': context.causationId ?? context.commandId,
    };
    return this.tracing.inSpan(`command ${aggregate}.${command ?? 'unknown'}`, { attributes }, () => work());
  }
}
