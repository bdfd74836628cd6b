import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventLog } from './event-log';

export interface TopicFindings {
  readonly records: number;
  /** Domain events of a published type with no record on any topic. */
  readonly missing: number;
  /** Records published more than once (at least once delivery: same eventId, consumers dedupe by it). */
  readonly repeats: number;
  /** Lines that are not a whole record (a torn write), or whose header and value disagree on the event id. */
  readonly torn: readonly string[];
}

/** Domain event types the relay publishes whatever their data (docs/topics.md). */
const ALWAYS_PUBLISHED = ['sales.purchase-recorded', 'contacts.customer-registered', 'loyalty.points-adjusted', 'loyalty.points-redeemed'];

/** Reads the topic files of a stopped platform (`TOPICS=files`) and checks them against its log. */
export function checkTopics(dataDir: string): TopicFindings {
  const dir = join(dataDir, 'topics');
  const lines = existsSync(dir)
    ? readdirSync(dir).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    : [];
  const torn: string[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    try {
      const record = JSON.parse(line) as { headers: Record<string, string>; value: { eventId: string } };
      if (record.headers['event-id'] !== record.value.eventId) torn.push(line.slice(0, 200));
      seen.set(record.value.eventId, (seen.get(record.value.eventId) ?? 0) + 1);
    } catch {
      torn.push(line.slice(0, 200));
    }
  }
  const log = new EventLog(dataDir);
  const published = log.events({ types: ALWAYS_PUBLISHED });
  log.close();
  return {
    records: lines.length,
    missing: published.filter((event) => !seen.has(event.id)).length,
    repeats: [...seen.values()].reduce((sum, count) => sum + count - 1, 0),
    torn,
  };
}
