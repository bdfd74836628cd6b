import { SettingsReader } from '@c360/runtime';

/** Loyalty's own settings from the environment, validated at start-up like the platform's. */
export interface LoyaltyConfig {
  /** How often the scheduler looks for due items; 0 = off. */
  readonly schedulerIntervalMs: number;
  /** Accounts handled per scheduler page. */
  readonly schedulerBatchSize: number;
}

export const LOYALTY_CONFIG = Symbol('LoyaltyConfig');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `LOYALTY_SCHEDULER_INTERVAL_MS` (default 60000; 0 switches the scheduler off; off by default when
 * NODE_ENV=test, so specs drive it explicitly with a fake clock) and `LOYALTY_SCHEDULER_BATCH_SIZE`.
 */
export function loadLoyaltyConfig(env: Env = process.env): LoyaltyConfig {
  const settings = new SettingsReader(env);
  const defaultInterval = env.NODE_ENV === 'test' ? 0 : 60_000;
  const schedulerIntervalMs = settings.integer('LOYALTY_SCHEDULER_INTERVAL_MS', defaultInterval, 0, 86_400_000);
  const schedulerBatchSize = settings.integer('LOYALTY_SCHEDULER_BATCH_SIZE', 200, 1, 1_000);
  return settings.done({ schedulerIntervalMs, schedulerBatchSize });
}
