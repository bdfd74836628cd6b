import type { DocumentStore } from '@c360/kernel';
import type { ReadPosition } from '../shared/read-position';
import { CustomerPopulation } from './customer-population.service';

/** The 360 facts of two customers, one page per scan, counted; a scan can be held in flight. */
function facts() {
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  const store = {
    scans: 0,
    hold: () => (held = new Promise((resolve) => (release = resolve))),
    finish: () => release?.(),
    documents: {
      find: async () => {
        store.scans++;
        await held;
        const doc = (customerId: string) => ({ _id: customerId, customerId, status: 'active', sales: {}, loyalty: {} });
        return { items: [doc('a'), doc('b')] };
      },
    } as unknown as DocumentStore,
  };
  return store;
}

describe('CustomerPopulation', () => {
  it('scans once for all the callers that find the facts moved on, and again only when they move', async () => {
    const store = facts();
    let position = 7;
    const population = new CustomerPopulation(store.documents, { of: async () => position } as unknown as ReadPosition);
    store.hold();
    const callers = Promise.all([population.current(), population.current(), population.current()]);
    await new Promise((resolve) => setImmediate(resolve));
    store.finish();
    const answers = await callers;
    expect(store.scans).toBe(1);
    expect(answers.map((answer) => [answer.position, answer.members.length])).toEqual([
      [7, 2],
      [7, 2],
      [7, 2],
    ]);
    await population.current();
    expect(store.scans).toBe(1);
    position = 8;
    expect((await population.current()).position).toBe(8);
    expect(store.scans).toBe(2);
  });
});
