import { FakeClock } from '@c360/kernel/testing';
import type { CustomerPopulation, Population } from './customer-population.service';
import { RfmScales } from './rfm-scale.service';

/** A population whose 360 facts move on when told; it counts its scans and can hold one in flight. */
class MovingPopulation {
  position = 1;
  scans = 0;
  private hold: Promise<void> | undefined;
  private release: (() => void) | undefined;

  holdNextScan(): void {
    this.hold = new Promise((resolve) => (this.release = resolve));
  }
  finishScan(): void {
    this.release?.();
    this.hold = undefined;
  }

  async current(): Promise<Population> {
    this.scans++;
    const position = this.position;
    await this.hold;
    const buyers = Array.from({ length: position * 5 }, (_, n) => ({
      customerId: `c-${n}`,
      customerIds: [`c-${n}`],
      facts: { sales: { lastPurchaseAt: '2026-05-01T00:00:00.000Z', purchases: n + 1, byCurrency: { EUR: { net: 100 * (n + 1) } } } },
    }));
    return { position, members: buyers } as unknown as Population;
  }
}

function scalesOver(population: MovingPopulation) {
  const clock = new FakeClock('2026-06-01T12:00:00.000Z');
  const scales = new RfmScales(population as unknown as CustomerPopulation, clock);
  let now = 0;
  scales.monotonicMs = () => now;
  return { scales, clock, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RFM scales', () => {
  it('current() is exact: a population that moved on is scored anew', async () => {
    const population = new MovingPopulation();
    const { scales } = scalesOver(population);
    expect((await scales.current()).customers).toBe(5);
    population.position = 2;
    expect((await scales.current()).customers).toBe(10);
  });

  it('recent() answers the last scale at once and refreshes it behind the reader, at most once a second here', async () => {
    const population = new MovingPopulation();
    const { scales, advance } = scalesOver(population);
    expect((await scales.recent()).customers).toBe(5); // nothing to answer yet: computed while the reader waits
    population.position = 2;
    advance(500);
    expect((await scales.recent()).customers).toBe(5); // too soon to refresh
    expect(population.scans).toBe(1);

    advance(600);
    population.holdNextScan();
    expect((await scales.recent()).customers).toBe(5); // the refresh started, the reader did not wait for it
    expect((await scales.recent()).customers).toBe(5); // and a second reader does not start another
    expect(population.scans).toBe(2);
    population.finishScan();
    await settle();
    expect((await scales.recent()).customers).toBe(10);
  });

  it('shares one computation among concurrent callers, and computes anew on a new day', async () => {
    const population = new MovingPopulation();
    const { scales, clock } = scalesOver(population);
    population.holdNextScan();
    const callers = [scales.current(), scales.current(), scales.recent()];
    population.finishScan();
    expect((await Promise.all(callers)).map((scale) => scale.customers)).toEqual([5, 5, 5]);
    expect(population.scans).toBe(1);
    clock.set('2026-06-02T00:00:01.000Z');
    population.position = 3;
    expect((await scales.recent()).customers).toBe(15); // yesterday's recency boundaries are not today's
  });
});
