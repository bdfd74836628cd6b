import { CLOCK } from '@c360/runtime';
import type { Clock } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerPopulation } from './customer-population.service';
import { buildRfmScale, type RfmInput, type RfmScale } from './rfm';

/** RFM quintile boundaries over the current population, recomputed when the 360 facts move on (or the day changes). */
@Injectable()
export class RfmScales {
  private cached: { key: string; scale: RfmScale } | undefined;

  constructor(
    private readonly population: CustomerPopulation,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async current(): Promise<RfmScale> {
    const now = this.clock.now();
    const population = await this.population.current();
    const key = `${population.position}:${now.toISOString().slice(0, 10)}`;
    if (this.cached?.key === key) return this.cached.scale;
    const scale = buildRfmScale(
      population.members.map((member) => rfmInputOf(member.facts.sales)),
      now,
    );
    this.cached = { key, scale };
    return scale;
  }
}

export function rfmInputOf(sales: {
  lastPurchaseAt: string | null;
  purchases: number;
  byCurrency: Readonly<Record<string, { net: number }>>;
}): RfmInput {
  return {
    lastPurchaseAt: sales.lastPurchaseAt,
    purchases: sales.purchases,
    net: Object.fromEntries(Object.entries(sales.byCurrency).map(([currency, value]) => [currency, value.net])),
  };
}
