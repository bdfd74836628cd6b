import type { SegmentRule } from '@c360/customer360-domain';
import { CLOCK } from '@c360/runtime';
import { decodeCursor, encodeCursor, type Clock } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerPopulation } from '../view/customer-population.service';
import { RfmScales } from '../view/rfm-scale.service';
import { matchesSegment, segmentFigures } from './segment-match';

export interface SegmentMembersPage {
  readonly items: readonly { readonly customerId: string }[];
  readonly nextCursor: string | null;
  readonly total: number;
  readonly position: number | null;
  readonly asOf: string;
}

/** Who matches a segment's rules now: members in customer-id order, with a cursor, and their count. */
@Injectable()
export class SegmentMembers {
  constructor(
    private readonly population: CustomerPopulation,
    private readonly scales: RfmScales,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async members(rules: readonly SegmentRule[], page: { readonly limit?: number; readonly after?: string }): Promise<SegmentMembersPage> {
    const now = this.clock.now();
    const [population, scale] = await Promise.all([this.population.current(), this.scales.current()]);
    const matching = population.members
      .filter((member) => matchesSegment(segmentFigures(member, scale, now), rules))
      .map((member) => member.customerId)
      .sort();
    const after = page.after === undefined ? undefined : decodeCursor(page.after).id;
    const from = after === undefined ? 0 : matching.findIndex((id) => id > after);
    const start = from === -1 ? matching.length : from;
    const limit = page.limit ?? 100;
    const items = matching.slice(start, start + limit);
    const last = items.at(-1);
    return {
      items: items.map((customerId) => ({ customerId })),
      nextCursor: start + limit < matching.length && last !== undefined ? encodeCursor(last, last) : null,
      total: matching.length,
      position: population.position,
      asOf: now.toISOString(),
    };
  }

  async count(rules: readonly SegmentRule[]): Promise<number> {
    return (await this.members(rules, { limit: 1 })).total;
  }
}
