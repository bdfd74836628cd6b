import { deriveId, type Clock, type DocumentStore } from '@c360/kernel';
import {
  LOYALTY_BALANCE_COLLECTION,
  LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
  type LoyaltyBalanceDocument,
  type RewardRedemptionDocument,
} from '@c360/loyalty-projections';
import { CLOCK, DOCUMENT_STORE, PeriodicJob, PLATFORM_CONFIG, type PlatformConfig } from '@c360/runtime';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { LOYALTY_CONFIG, type LoyaltyConfig } from '../config/loyalty-config';
import { LoyaltyRewardRedemptions } from '../rewards/loyalty-reward-redemption.service';

export interface SchedulerRun {
  readonly asOf: string;
  /** Accounts that had something due. */
  readonly accounts: number;
  /** Events the due items produced (unlocks, warnings, expiries, tier reviews). */
  readonly events: number;
  /** Reward reservations left behind by a request that died between its steps, now settled. */
  readonly abandonedReservations: number;
  readonly failed: number;
}

/** A reservation still unconfirmed after this long belongs to a request that died. */
export const ABANDONED_RESERVATION_MS = 15 * 60_000;

const NAME = 'loyalty-scheduler';

/**
 * Time-driven rules: reads the accounts with something due from the balance read model (lots
 * unlocking or expiring, expiry warnings, tier reviews) and sends each a `process-due-items` command
 * with the clock's time. The command id is derived from the account and its due instant, so running
 * twice on a lagging read model repeats nothing. In the app it runs every
 * LOYALTY_SCHEDULER_INTERVAL_MS; specs call `runOnce()` with a FakeClock.
 */
@Injectable()
export class LoyaltyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LoyaltyScheduler');
  private readonly job = new PeriodicJob<SchedulerRun>(() => this.pass(), this.logger);

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(LOYALTY_CONFIG) private readonly config: LoyaltyConfig,
    private readonly accounts: LoyaltyAccountService,
    private readonly rewards: LoyaltyRewardRedemptions,
  ) {}

  /** One pass over everything due now. Concurrent calls share the pass in progress. */
  runOnce(): Promise<SchedulerRun> {
    return this.job.runOnce();
  }

  private async pass(): Promise<SchedulerRun> {
    const asOf = this.clock.now().toISOString();
    let accounts = 0;
    let events = 0;
    let failed = 0;
    let after: string | undefined;
    do {
      const page = await this.documents.find<LoyaltyBalanceDocument>(
        LOYALTY_BALANCE_COLLECTION,
        { nextDueAt: { $lte: asOf } },
        { sort: { field: 'nextDueAt', direction: 'asc' }, limit: this.config.schedulerBatchSize, after },
      );
      const outcomes = await Promise.allSettled(page.items.map((doc) => this.processDue(doc.customerId, doc.nextDueAt ?? asOf)));
      for (const outcome of outcomes) {
        accounts++;
        if (outcome.status === 'fulfilled') events += outcome.value;
        else {
          failed++;
          this.logger.warn(`due items failed: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
        }
      }
      after = page.nextCursor;
    } while (after);
    const sweep = await this.sweepAbandonedReservations(asOf);
    return { asOf, accounts, events, abandonedReservations: sweep.settled, failed: failed + sweep.failed };
  }

  private async sweepAbandonedReservations(asOf: string): Promise<{ settled: number; failed: number }> {
    const before = new Date(new Date(asOf).getTime() - ABANDONED_RESERVATION_MS).toISOString();
    let settled = 0;
    let failed = 0;
    let after: string | undefined;
    do {
      const page = await this.documents.find<RewardRedemptionDocument>(
        LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
        { status: 'reserved', reservedAt: { $lte: before } },
        { sort: { field: 'reservedAt', direction: 'asc' }, limit: this.config.schedulerBatchSize, after },
      );
      for (const reservation of page.items) {
        try {
          const outcome = await this.rewards.resolveAbandoned(reservation, {
            commandId: deriveId(`${NAME}/abandoned/${reservation.redemptionId}`),
            actor: { id: NAME, role: 'system' },
          });
          if (outcome !== 'held') settled++;
        } catch (error) {
          failed++;
          this.logger.warn(`abandoned reservation ${reservation.redemptionId}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      after = page.nextCursor;
    } while (after);
    return { settled, failed };
  }

  private async processDue(customerId: string, dueAt: string): Promise<number> {
    const result = await this.accounts.execute(customerId, ({ now, program }) => ({ type: 'process-due-items', now, program }), {
      commandId: deriveId(`${NAME}/${customerId}/${dueAt}`),
      actor: { id: NAME, role: 'system' },
    });
    return result.duplicate ? 0 : result.events.length;
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.schedulerIntervalMs, this.platform);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
