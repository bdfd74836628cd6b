import type { PlatformMetrics } from '../metrics/platform-metrics';

/**
 * What the relay reports about its publisher (the relay lib wraps its TopicPublisher with it): records
 * durably accepted, and failed publish calls (the runner retries those). Its lag and retries are the
 * processor gauges of `relay:processor:integration-events`.
 */
export interface RelayObserver {
  published(records: number): void;
  failed(): void;
}

export class RelayTelemetry implements RelayObserver {
  constructor(private readonly metrics: PlatformMetrics) {}

  published(records: number): void {
    this.metrics.relayRecords.inc(records);
  }

  failed(): void {
    this.metrics.relayFailures.inc();
  }
}
