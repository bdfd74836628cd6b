import type { EventFilter } from '@c360/kernel';
import type { EsdbClient } from '../client/esdb-client';
import { eventPosition } from '../mapping/esdb-positions';
import { matchesFilter } from '../mapping/event-filter';

/**
 * Proves that no event matching `filter` lies after `after` up to the head of `$all`, and returns
 * that head; undefined when the log has not moved past `after`, when an event of ours is in the
 * tail (the subscription will deliver it), or when the tail is longer than `window` events.
 *
 * Why it is safe to hand the head out as a checkpoint: every matching event up to it has been
 * delivered, and any event appended later has a greater position.
 */
export async function proveTail(
  client: EsdbClient,
  options: {
    readonly after: number | undefined;
    readonly filter: EventFilter | undefined;
    readonly window: number;
    /** Told the head of the log whenever one is read (it vouches for server checkpoints up to it). */
    readonly onHead?: (head: number) => void;
  },
): Promise<number | undefined> {
  const { after, filter, window } = options;
  const [newest] = await client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  if (!newest) return undefined;
  options.onHead?.(eventPosition(newest.position, newest.id));
  if (after !== undefined && eventPosition(newest.position, newest.id) <= after) return undefined;

  const tail = await client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: window });
  if (tail.length === 0) return undefined;
  const head = eventPosition(tail[0].position, tail[0].id);
  for (const event of tail) {
    if (after !== undefined && eventPosition(event.position, event.id) <= after) return head;
    if (matchesFilter(filter, event)) return undefined;
  }
  // The whole log fitted in the window (a young log, a reader from the start).
  return tail.length < window ? head : undefined;
}
