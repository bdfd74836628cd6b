import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Sub-millisecond to seconds: a command is ~0.1-5 ms on the embedded store, a slow fsync or a retry storm is more. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

let processRegistry: Registry | undefined;

/**
 * Node's process metrics (CPU, memory, event-loop lag, GC) belong to the process, not to an app: they
 * are collected once per process into their own registry, however many apps one process (a test run)
 * builds, and every app's `/metrics` shows them beside its own.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'c360_' });
  }
  return processRegistry;
}

/**
 * Every metric one app records, in its own registry (two apps in one process never collide). The
 * names follow Prometheus conventions (`_total`, `_seconds`); labels are bounded sets only —
 * aggregate and command types, processor names, route patterns, error codes — never ids or data.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'c360_commands_total',
    help: 'Commands handled, by aggregate, command type and outcome (ok, retried, duplicate, rule_violation, conflict, error)',
    labelNames: ['aggregate', 'command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'c360_command_duration_seconds',
    help: 'Time from receiving a command to its durable append (or refusal), by aggregate, command type and outcome',
    labelNames: ['aggregate', 'command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly commandRetries = new Counter({
    name: 'c360_command_retries_total',
    help: 'Version-conflict retries of commands, by aggregate',
    labelNames: ['aggregate'] as const,
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'c360_events_appended_total',
    help: 'Events appended to the log by commands, by aggregate',
    labelNames: ['aggregate'] as const,
    registers: [this.registry],
  });

  readonly batchDuration = new Histogram({
    name: 'c360_processor_batch_duration_seconds',
    help: 'Time a projection, workflow or relay took for one batch, by processor',
    labelNames: ['processor', 'kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly processedEvents = new Counter({
    name: 'c360_processor_events_total',
    help: 'Events handed to a processor in its batches, by processor',
    labelNames: ['processor', 'kind'] as const,
    registers: [this.registry],
  });
  readonly batchErrors = new Counter({
    name: 'c360_processor_batch_errors_total',
    help: 'Batches that threw (transient faults retried, or the error that stopped the processor), by processor',
    labelNames: ['processor', 'kind'] as const,
    registers: [this.registry],
  });

  readonly relayRecords = new Counter({
    name: 'c360_relay_records_sent_total',
    help: 'Integration events the relay published with a durable acknowledgement',
    registers: [this.registry],
  });
  readonly relayFailures = new Counter({
    name: 'c360_relay_publish_failures_total',
    help: 'Publish calls of the relay that failed (the batch is retried with backoff)',
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'c360_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern (the operation) and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: 'c360_http_errors_total',
    help: 'HTTP error responses by route pattern, status and error code (validation_failed, a domain code, …)',
    labelNames: ['route', 'status', 'code'] as const,
    registers: [this.registry],
  });

  /** The text a Prometheus scrape reads: the process's metrics and this app's. */
  async scrape(): Promise<string> {
    const [process, app] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${process}\n${app}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
