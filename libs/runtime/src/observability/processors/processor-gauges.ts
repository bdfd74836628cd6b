import type { ProcessorState, ProcessorStatus } from '@c360/kernel';
import { Gauge } from 'prom-client';
import type { ProcessorHost } from '../../processors/processor-host';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { processorKind } from './processor-observer';
import type { ProcessorTelemetry } from './processor-telemetry';

const STATES: readonly ProcessorState[] = ['idle', 'standby', 'catching-up', 'live', 'retrying', 'failed', 'stopped'];

/** Issue 11 enriches statuses with a lag in seconds; until then it is estimated from the last handled event. */
type Status = ProcessorStatus & { readonly lagSeconds?: number };

/**
 * Processor state as Prometheus gauges, read from `ProcessorHost.statuses()` at scrape time — the
 * runners stay the one source of truth and nothing polls between scrapes. prom-client collects all
 * metrics of a scrape concurrently, so the gauges share one reading: the first collect starts it,
 * the others await the same promise.
 */
export function registerProcessorGauges(
  metrics: PlatformMetrics,
  host: ProcessorHost,
  telemetry: ProcessorTelemetry,
  now = Date.now,
): void {
  let reading: Promise<void> | undefined;
  const refresh = (): Promise<void> => (reading ??= read().finally(() => (reading = undefined)));
  const gauge = <T extends string>(name: string, help: string, labelNames: readonly T[]) =>
    new Gauge({ name, help, labelNames, registers: [metrics.registry], collect: refresh });

  const labelNames = ['processor', 'kind'] as const;
  const position = gauge('c360_processor_position', 'Last position a processor handled and checkpointed', labelNames);
  const lagEvents = gauge(
    'c360_processor_lag_events',
    'Positions between a processor checkpoint and the head of the log (events on SQLite; ADR 0004)',
    labelNames,
  );
  const lagSeconds = gauge(
    'c360_processor_lag_seconds',
    'How old the last event a processor handled is while it is behind (0 when caught up)',
    labelNames,
  );
  const stopped = gauge(
    'c360_processor_stopped',
    '1 when a processor has stopped (failed on an event, or stopped by an operator)',
    labelNames,
  );
  const state = gauge('c360_processor_state', 'The state of each processor, one series per state (1 = current)', [
    'processor',
    'kind',
    'state',
  ]);
  const retries = gauge('c360_processor_retries', 'Transient faults a processor has retried since start (monotonic)', labelNames);

  async function read(): Promise<void> {
    const statuses: Status[] = await host.statuses();
    for (const each of [position, lagEvents, lagSeconds, stopped, state, retries]) each.reset();
    for (const status of statuses) {
      const labels = { processor: status.name, kind: processorKind(status.name) };
      if (status.checkpoint !== undefined) position.set(labels, status.checkpoint);
      const lag = status.lag ?? 0;
      lagEvents.set(labels, lag);
      const last = telemetry.lastEventTime(status.name);
      const estimate = lag === 0 ? 0 : last === undefined ? undefined : Math.max(0, (now() - last) / 1000);
      const seconds = status.lagSeconds ?? estimate;
      if (seconds !== undefined) lagSeconds.set(labels, seconds);
      stopped.set(labels, status.state === 'failed' || status.state === 'stopped' ? 1 : 0);
      for (const each of STATES) state.set({ ...labels, state: each }, status.state === each ? 1 : 0);
      retries.set(labels, status.retries);
    }
  }
}
