import {
  TransientStoreError,
  backoffDelay,
  sleep,
  type AllSlice,
  type AllSubscription,
  type EventEnvelope,
  type EventFilter,
} from '@c360/kernel';
import type { EsdbClient, EsdbPosition, EsdbServerFilter, EsdbSubscriptionItem } from '../client/esdb-client';
import { translateError } from '../mapping/esdb-errors';
import { checkpointPosition, eventPosition } from '../mapping/esdb-positions';
import { decodeEvent } from '../mapping/event-codec';
import { matchesFilter, serverFilter } from '../mapping/event-filter';
import { CheckpointGate } from './checkpoint-gate';
import { Puller } from './pull';
import { proveTail } from './tail-proof';

export interface EsdbAllSubscriptionOptions {
  readonly client: EsdbClient;
  /** Deliver events strictly after this position (a checkpoint); undefined: from the start. */
  readonly after: number | undefined;
  readonly filter: EventFilter | undefined;
  /** Most events per slice. */
  readonly maxCount: number;
  /** How long the subscription stays quiet before it checks how far the log has moved. */
  readonly idleMs: number;
  /** Most events read backwards from the head to prove that none of ours is still on its way. */
  readonly tailWindow: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  /** A slice that only moves the position (a server checkpoint) goes out at most this often. */
  readonly checkpointIntervalMs: number;
  readonly now: () => number;
  /** Told once, when the subscription has ended for good. */
  readonly onEnd?: () => void;
}

interface AttemptState {
  /** The server has delivered the history (or a tail proof showed nothing of ours is pending). */
  live: boolean;
  /** A slice with `isEnd` has been yielded since this (re)subscription went live. */
  announced: boolean;
}

interface Batch {
  readonly events: EventEnvelope[];
  last: number | undefined;
  caughtUp: boolean;
}

/**
 * The port's catch-up subscription over an EventStoreDB catch-up subscription to `$all`.
 *
 * - The server filters on one dimension (see event-filter.ts); the full filter is applied here.
 * - Items that arrive together (up to `maxCount` matching events) make one slice; `lastPosition`
 *   is the last event looked at, or a server checkpoint that names an event, so a reader that
 *   checkpoints it does not scan filtered-out events again.
 * - A dropped subscription (a transient fault, or the server ending it) is resubscribed, with
 *   backoff, from the last position yielded: nothing lost, nothing repeated.
 * - When caught up, and whenever it has been quiet for `idleMs`, it reads the head of `$all`
 *   backwards to prove that nothing of ours lies between its position and the head; if so it
 *   yields an empty slice at the head, so lag reaches zero even when the newest events are not ours.
 */
export class EsdbAllSubscription implements AllSubscription {
  private readonly stop = new AbortController();
  private readonly serverFilter: EsdbServerFilter;
  private readonly checkpoints: CheckpointGate;
  private lastPosition: number | undefined;
  private iterated = false;

  constructor(private readonly options: EsdbAllSubscriptionOptions) {
    this.lastPosition = options.after;
    this.serverFilter = serverFilter(options.filter);
    this.checkpoints = new CheckpointGate(options.checkpointIntervalMs, options.now);
  }

  async close(): Promise<void> {
    this.stop.abort();
    // A subscription never iterated has nothing running that would report its end.
    if (!this.iterated) this.options.onEnd?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<AllSlice> {
    if (this.iterated) throw new Error('An EventStoreDB subscription can be iterated once');
    this.iterated = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<AllSlice> {
    const { client, backoff } = this.options;
    const signal = this.stop.signal;
    let attempt = 0;
    try {
      while (!signal.aborted) {
        let fromPosition: EsdbPosition | 'start';
        try {
          fromPosition = await this.startAfter(this.lastPosition);
        } catch (error) {
          const translated = translateError(error);
          if (!(translated instanceof TransientStoreError)) throw translated;
          await sleep(backoffDelay(attempt++, backoff.baseMs, backoff.maxMs), signal);
          continue;
        }
        if (signal.aborted) return;
        const subscription = client.subscribeToAll({ fromPosition, filter: this.serverFilter });
        // Frees the server-side subscription at once, even while the consumer holds a slice.
        const onAbort = () => void subscription.unsubscribe().catch(() => undefined);
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          const pull = new Puller(subscription[Symbol.asyncIterator]());
          const state: AttemptState = { live: false, announced: false };
          for (;;) {
            const slice = await this.nextSlice(pull, state);
            if (slice === 'closed') return;
            if (slice === 'dropped') break;
            if (!slice) continue;
            attempt = 0;
            this.lastPosition = slice.lastPosition;
            this.checkpoints.handedOut();
            yield slice;
            if (signal.aborted) return;
          }
        } catch (error) {
          const translated = translateError(error);
          if (!(translated instanceof TransientStoreError)) throw translated;
        } finally {
          signal.removeEventListener('abort', onAbort);
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (signal.aborted) return;
        await sleep(backoffDelay(attempt++, backoff.baseMs, backoff.maxMs), signal);
      }
    } finally {
      this.stop.abort();
      this.options.onEnd?.();
    }
  }

  /** The next slice to yield; undefined when the items taken change nothing a reader would see. */
  private async nextSlice(pull: Puller<EsdbSubscriptionItem>, state: AttemptState): Promise<AllSlice | 'closed' | 'dropped' | undefined> {
    const first = await pull.next(this.stop.signal, this.options.idleMs);
    if (first.kind === 'aborted') return 'closed';
    if (first.kind === 'done') return 'dropped';
    if (first.kind !== 'item') return this.confirmTail(state);

    const batch: Batch = { events: [], last: this.lastPosition, caughtUp: false };
    let item: EsdbSubscriptionItem = first.value;
    for (;;) {
      this.take(batch, item);
      if (batch.caughtUp || batch.events.length >= this.options.maxCount) break;
      const next = await pull.nextIfReady();
      if (next.kind !== 'item') break;
      item = next.value;
    }

    if (batch.caughtUp) {
      state.live = true;
      const head = await this.proveTail(batch.last);
      if (head !== undefined) batch.last = head;
    }
    const checkpoint = await this.checkpoint(batch.last, batch.events.length > 0);
    if (checkpoint !== undefined) batch.last = checkpoint;
    const announce = state.live && !state.announced;
    if (batch.events.length === 0 && batch.last === this.lastPosition && !announce) return undefined;
    if (state.live) state.announced = true;
    return { events: batch.events, lastPosition: batch.last, isEnd: state.live && batch.events.length < this.options.maxCount };
  }

  private take(batch: Batch, item: EsdbSubscriptionItem): void {
    switch (item.kind) {
      case 'event': {
        const position = eventPosition(item.event.position, item.event.id);
        if (batch.last !== undefined && position <= batch.last) return; // already delivered before a resubscription
        batch.last = position;
        this.checkpoints.sawHead(position);
        if (matchesFilter(this.options.filter, item.event)) batch.events.push(decodeEvent(item.event, position));
        return;
      }
      case 'checkpoint':
        this.checkpoints.offer(item.position);
        return;
      case 'caughtUp':
        batch.caughtUp = true;
        return;
    }
  }

  /** Quiet for a while: if the log has moved on without anything of ours, follow it to the head. */
  private async confirmTail(state: AttemptState): Promise<AllSlice | undefined> {
    const head = await this.proveTail(this.lastPosition);
    if (head === undefined) {
      // Nothing proven, but a server checkpoint held back by the interval may go out now.
      const checkpoint = await this.checkpoint(this.lastPosition, false);
      return checkpoint === undefined ? undefined : { events: [], lastPosition: checkpoint, isEnd: state.live };
    }
    state.live = true;
    state.announced = true;
    return { events: [], lastPosition: head, isEnd: true };
  }

  /**
   * Where to subscribe from to get the events after `position`. A subscription starts after the
   * first event at or after the position it is given, so that event must be the one `position`
   * names. If it no longer exists (scavenged: a system stream's `$maxAge`, a truncated stream), the
   * subscription starts after the last event before the next one instead; what comes at or before
   * `position` is dropped on our side anyway.
   */
  private async startAfter(position: number | undefined): Promise<EsdbPosition | 'start'> {
    if (position === undefined) return 'start';
    const from = checkpointPosition(position);
    const { client } = this.options;
    const [first] = await client.readAll({ direction: 'forwards', fromPosition: from, maxCount: 1 });
    if (!first || eventPosition(first.position, first.id) === position) return from;
    const [before] = await client.readAll({
      direction: 'backwards',
      fromPosition: checkpointPosition(eventPosition(first.position, first.id)),
      maxCount: 1,
    });
    return before ? checkpointPosition(eventPosition(before.position, before.id)) : 'start';
  }

  private proveTail(after: number | undefined): Promise<number | undefined> {
    return proveTail(this.options.client, {
      after,
      filter: this.options.filter,
      window: this.options.tailWindow,
      onHead: (head) => this.checkpoints.sawHead(head),
    });
  }

  /**
   * The server checkpoint to hand out now (past `after`), if any. A checkpoint past the head we know
   * is checked against the head of the log, with at most one read per checkpoint interval.
   */
  private async checkpoint(after: number | undefined, withEvents: boolean): Promise<number | undefined> {
    if (this.checkpoints.wantsHead()) {
      const [newest] = await this.options.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
      this.checkpoints.headRead(newest ? eventPosition(newest.position, newest.id) : undefined);
    }
    return this.checkpoints.take(after, withEvents);
  }
}
