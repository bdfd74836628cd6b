/**
 * Runs a batch's work in lanes: items of one lane run one after another, in order; lanes run side by
 * side. Every lane is started in the order of its first item, synchronously, so work that reaches a
 * per-stream queue (the kernel CommandHandler's mutex) without other I/O first queues in batch order.
 *
 * Resolves once every lane has settled, with the outcome of each item; an item whose lane failed earlier
 * is not run (its outcome says so), because the items of a lane depend on each other.
 */
export type LaneOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown; readonly ran: boolean };

export async function runInLanes<TItem, T>(
  items: readonly TItem[],
  laneOf: (item: TItem, index: number) => string,
  work: (item: TItem, index: number) => Promise<T>,
): Promise<LaneOutcome<T>[]> {
  const outcomes: Array<LaneOutcome<T> | undefined> = new Array(items.length);
  const tails = new Map<string, Promise<boolean>>();
  const run = async (item: TItem, index: number): Promise<boolean> => {
    try {
      outcomes[index] = { ok: true, value: await work(item, index) };
      return true;
    } catch (error) {
      outcomes[index] = { ok: false, error, ran: true };
      return false;
    }
  };
  items.forEach((item, index) => {
    const lane = laneOf(item, index);
    const previous = tails.get(lane);
    const next = previous
      ? previous.then((fine) => {
          if (fine) return run(item, index);
          outcomes[index] = { ok: false, error: new Error('an earlier item of its lane failed'), ran: false };
          return false;
        })
      : run(item, index);
    tails.set(lane, next);
  });
  await Promise.all(tails.values());
  return outcomes as LaneOutcome<T>[];
}
