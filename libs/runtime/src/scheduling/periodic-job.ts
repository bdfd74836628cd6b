import type { Logger } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';

/**
 * The scaffolding every time-driven scheduler shares (loyalty's due items, tickets' SLA clocks): one
 * pass at a time (concurrent calls share the pass in progress), an optional interval that never keeps
 * the process alive, and a shutdown that waits for the pass underway. The pass itself is the scheduler's.
 */
export class PeriodicJob<TResult> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TResult> | undefined;

  constructor(
    private readonly pass: () => Promise<TResult>,
    private readonly logger: Logger,
  ) {}

  runOnce(): Promise<TResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Runs every `intervalMs`; 0 or less leaves the job to explicit `runOnce` calls. Time-driven work is
   * processor work: a host with role `api` leaves it to the processors' host (their thread or process),
   * so that it runs once there instead of twice (its command ids would dedupe the second, at a cost).
   */
  start(intervalMs: number, host: Pick<PlatformConfig, 'role'>): void {
    if (intervalMs <= 0 || host.role === 'api') return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)));
    }, intervalMs);
    this.timer.unref();
    this.logger.log(`running every ${intervalMs} ms`);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
