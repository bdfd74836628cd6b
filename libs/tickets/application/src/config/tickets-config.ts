import { SettingsReader } from '@c360/runtime';
import { join } from 'node:path';

export interface TicketsConfig {
  /** How often the SLA scheduler looks for due warnings and breaches; 0 = off. */
  readonly schedulerIntervalMs: number;
  readonly schedulerBatchSize: number;
  /** Holiday files `<region>-<year>.json`; the shipped ones by default. */
  readonly holidaysDir: string;
}

export const TICKETS_CONFIG = Symbol('TicketsConfig');
export const SHIPPED_HOLIDAYS_DIR = join(__dirname, '../calendars/holidays');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `TICKETS_SCHEDULER_INTERVAL_MS` (default 30000; 0 switches it off; off by default when NODE_ENV=test so
 * specs drive it with a fake clock), `TICKETS_SCHEDULER_BATCH_SIZE` (default 200) and
 * `TICKETS_HOLIDAYS_DIR` (an operator's folder of holiday files instead of the shipped ones).
 */
export function loadTicketsConfig(env: Env = process.env): TicketsConfig {
  const settings = new SettingsReader(env);
  const schedulerIntervalMs = settings.integer('TICKETS_SCHEDULER_INTERVAL_MS', env.NODE_ENV === 'test' ? 0 : 30_000, 0, 86_400_000);
  const schedulerBatchSize = settings.integer('TICKETS_SCHEDULER_BATCH_SIZE', 200, 1, 1_000);
  const holidaysDir = env.TICKETS_HOLIDAYS_DIR?.trim() || SHIPPED_HOLIDAYS_DIR;
  return settings.done({ schedulerIntervalMs, schedulerBatchSize, holidaysDir });
}
