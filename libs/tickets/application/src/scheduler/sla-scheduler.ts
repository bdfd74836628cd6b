import type { Clock, DocumentStore } from '@c360/kernel';
import { CLOCK, DOCUMENT_STORE, PeriodicJob, PLATFORM_CONFIG, type PlatformConfig } from '@c360/runtime';
import { TICKETS_COLLECTIONS, type SlaDueDocument } from '@c360/tickets-projections';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TICKETS_CONFIG, type TicketsConfig } from '../config/tickets-config';
import { SlaPolicyService } from '../policies/sla-policy.service';
import { TicketService } from '../tickets/ticket.service';
import { SLA_SCHEDULER_NAME, dueItems, refreshCommandId, slaCommandId } from './sla-due-items';

export interface SlaSchedulerRun {
  readonly asOf: string;
  /** Active tickets re-derived under a newer policy book. */
  readonly refreshed: number;
  readonly warnings: number;
  readonly breaches: number;
  readonly failed: number;
}

const ACTOR = { id: SLA_SCHEDULER_NAME, role: 'system' } as const;

/**
 * Time-driven SLA rules. Reads the SLA due index (tickets by their next warning or deadline) and sends
 * `record-sla-warning` / `record-sla-breach` with command ids derived from ticket, target, clock cycle
 * and deadline; and re-derives active tickets whose deadlines predate the policy book's version. Each
 * warning and breach is written once per target, whatever the lag of the read model, the number of
 * processes or restarts: the index is durable and the ids are deterministic. Runs every
 * TICKETS_SCHEDULER_INTERVAL_MS; specs call `runOnce()` with a FakeClock.
 */
@Injectable()
export class TicketsSlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TicketsSlaScheduler');
  private readonly job = new PeriodicJob<SlaSchedulerRun>(() => this.pass(), this.logger);

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(TICKETS_CONFIG) private readonly config: TicketsConfig,
    private readonly tickets: TicketService,
    private readonly policies: SlaPolicyService,
  ) {}

  /** One pass over everything due now. Concurrent calls share the pass in progress. */
  runOnce(): Promise<SlaSchedulerRun> {
    return this.job.runOnce();
  }

  private async pass(): Promise<SlaSchedulerRun> {
    const asOf = this.clock.now().toISOString();
    let failed = 0;
    /** True when the command wrote something (a repeat of an earlier pass writes nothing). */
    const attempt = async (what: string, run: () => Promise<{ changed: boolean }>): Promise<boolean> => {
      try {
        return (await run()).changed;
      } catch (error) {
        failed++;
        this.logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    };

    let refreshed = 0;
    const { bookVersion } = await this.policies.book();
    for await (const doc of this.pages({ active: true, bookVersion: { $lt: bookVersion } }, 'bookVersion')) {
      if (
        await attempt(`refresh ${doc.ticketId}`, () =>
          this.tickets.refreshSla(doc.ticketId, { commandId: refreshCommandId(doc.ticketId, bookVersion), actor: ACTOR }),
        )
      )
        refreshed++;
    }

    let warnings = 0;
    let breaches = 0;
    for await (const doc of this.pages({ nextDueAt: { $lte: asOf } }, 'nextDueAt')) {
      for (const item of dueItems(doc, asOf)) {
        const context = { commandId: slaCommandId(doc.ticketId, item), actor: ACTOR };
        const ok = await attempt(`${item.kind} ${doc.ticketId} ${item.target}`, () =>
          this.tickets.recordDue(doc.ticketId, item.kind, { target: item.target, cycle: item.cycle, dueAt: item.dueAt }, context),
        );
        if (ok && item.kind === 'warning') warnings++;
        if (ok && item.kind === 'breach') breaches++;
      }
    }
    return { asOf, refreshed, warnings, breaches, failed };
  }

  private async *pages(filter: Parameters<DocumentStore['find']>[1], field: string): AsyncGenerator<SlaDueDocument> {
    let after: string | undefined;
    do {
      const page = await this.documents.find<SlaDueDocument>(TICKETS_COLLECTIONS.slaDue, filter, {
        sort: { field, direction: 'asc' },
        limit: this.config.schedulerBatchSize,
        after,
      });
      yield* page.items;
      after = page.nextCursor;
    } while (after);
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.schedulerIntervalMs, this.platform);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
