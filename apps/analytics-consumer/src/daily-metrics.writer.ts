import type { IntegrationEvent } from '@c360/integration-events';
import type { DocumentStore, DocumentWrite } from '@c360/kernel';
import { dailyIncrement } from './daily-metrics';

export const DAILY_COLLECTION = 'analytics-daily_v1';
/** One marker per consumed event id: redeliveries (at-least-once topics) are recognised and skipped. */
export const SEEN_COLLECTION = 'analytics-seen-events_v1';

/**
 * Folds integration events into one document per day. Each batch writes the markers of its new events
 * and the days' increments together (one transaction on the embedded store), so a redelivered event is
 * never counted twice.
 */
export class DailyMetricsWriter {
  constructor(private readonly documents: DocumentStore) {}

  async apply(events: readonly IntegrationEvent[]): Promise<number> {
    const unique = [...new Map(events.map((event) => [event.eventId, event])).values()];
    if (unique.length === 0) return 0;
    const seen = new Set(
      (
        await this.documents.getMany(
          SEEN_COLLECTION,
          unique.map((event) => event.eventId),
        )
      ).map((doc) => doc._id),
    );
    const fresh = unique.filter((event) => !seen.has(event.eventId));

    const byDay = new Map<string, Record<string, number>>();
    for (const event of fresh) {
      const increment = dailyIncrement(event);
      if (!increment) continue;
      const totals = byDay.get(increment.day) ?? {};
      for (const [field, value] of Object.entries(increment.inc)) totals[field] = (totals[field] ?? 0) + value;
      byDay.set(increment.day, totals);
    }
    // Day documents are written by this consumer only: each write goes one position past the stored one.
    const days = await this.documents.getMany(DAILY_COLLECTION, [...byDay.keys()]);
    const positionOf = new Map(days.map((doc) => [doc._id, doc._position]));
    const writes: DocumentWrite[] = [
      ...fresh.map((event): DocumentWrite => ({
        kind: 'replace',
        collection: SEEN_COLLECTION,
        id: event.eventId,
        doc: { type: event.type },
        position: 1,
      })),
      ...[...byDay].map(([day, inc]): DocumentWrite => ({
        kind: 'update',
        collection: DAILY_COLLECTION,
        id: day,
        update: { $inc: inc, $setOnInsert: { day } },
        position: (positionOf.get(day) ?? 0) + 1,
      })),
    ];
    await this.documents.write(writes);
    return fresh.length;
  }
}
