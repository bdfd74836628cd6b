import type { DocumentStore } from '@c360/kernel';
import {
  CUSTOMER_DEALS,
  CUSTOMER_DEALS_COLLECTION,
  CUSTOMER_TICKETS,
  CUSTOMER_TICKETS_COLLECTION,
  NPS_MONTHS,
  NPS_MONTHS_COLLECTION,
  type CustomerDealDocument,
  type NpsMonthDocument,
  type CustomerTicketDocument,
} from '@c360/customer360-projections';
import { CLOCK, ContextQuery, DOCUMENT_STORE, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import type { Clock } from '@c360/kernel';
import { Inject } from '@nestjs/common';
import { ReadPosition } from '../shared/read-position';
import { CustomerPopulation } from '../view/customer-population.service';
import { RfmScales } from '../view/rfm-scale.service';
import {
  addMonths,
  mostValuable,
  retention,
  rewardEffectiveness,
  type MostValuable,
  type Retention,
  type RewardEffectiveness,
} from './customer-reports';
import { npsTrend, type NpsTrend } from './nps-trend';
import { teamPerformance, type TeamPerformance } from './team-performance';

/** Every report says the period it covers, when it was computed, and the position in the log it reflects. */
export interface Report<T> {
  readonly report: string;
  readonly period: { readonly from: string | null; readonly to: string };
  readonly asOf: string;
  readonly position: number | null;
  readonly figures: T;
}

export type CustomerReportKind = 'most-valuable' | 'retention' | 'reward-effectiveness';

export class GetCustomerReport extends ContextQuery<Report<MostValuable | Retention | RewardEffectiveness>> {
  constructor(
    readonly kind: CustomerReportKind,
    /** Months `YYYY-MM` (retention); the others cover the customers' whole history up to now. */
    readonly period: { readonly from?: string; readonly to?: string },
    readonly currency?: string,
  ) {
    super();
  }
}

export class GetTeamPerformance extends ContextQuery<Report<TeamPerformance>> {
  constructor(readonly period: { readonly from: string; readonly to: string }) {
    super();
  }
}

/** NPS per month of the period (default: the last twelve), from surveys' published answers. */
export class GetNpsTrend extends ContextQuery<Report<NpsTrend>> {
  constructor(readonly period: { readonly from?: string; readonly to?: string }) {
    super();
  }
}

@HandlesQuery(GetCustomerReport)
export class GetCustomerReportHandler implements IQueryHandler<GetCustomerReport> {
  constructor(
    private readonly population: CustomerPopulation,
    private readonly scales: RfmScales,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetCustomerReport): Promise<Report<MostValuable | Retention | RewardEffectiveness>> {
    const now = this.clock.now();
    const { members, position } = await this.population.current();
    const thisMonth = now.toISOString().slice(0, 7);
    const base = { report: query.kind, asOf: now.toISOString(), position };
    switch (query.kind) {
      case 'most-valuable': {
        const currency = query.currency ?? (await this.scales.current()).currency;
        return { ...base, period: { from: null, to: now.toISOString() }, figures: mostValuable(members, currency) };
      }
      case 'retention': {
        const to = query.period.to ?? thisMonth;
        const from = query.period.from ?? addMonths(to, -2);
        return { ...base, period: { from, to }, figures: retention(members, { from, to }) };
      }
      case 'reward-effectiveness':
        return { ...base, period: { from: null, to: now.toISOString() }, figures: rewardEffectiveness(members) };
    }
  }
}

@HandlesQuery(GetTeamPerformance)
export class GetTeamPerformanceHandler implements IQueryHandler<GetTeamPerformance> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly position: ReadPosition,
  ) {}

  async execute(query: GetTeamPerformance): Promise<Report<TeamPerformance>> {
    const closed: CustomerDealDocument[] = [];
    for (const status of ['won', 'lost']) {
      let after: string | undefined;
      do {
        const page = await this.documents.find<CustomerDealDocument>(
          CUSTOMER_DEALS_COLLECTION,
          { status, closedAt: { $gte: query.period.from, $lte: query.period.to } },
          { sort: { field: 'closedAt', direction: 'asc' }, limit: 1_000, after },
        );
        closed.push(...page.items);
        after = page.nextCursor;
      } while (after);
    }
    // Tickets resolved in the period and not reopened since (a reopened ticket has no resolvedAt).
    const resolved: CustomerTicketDocument[] = [];
    let after: string | undefined;
    do {
      const page = await this.documents.find<CustomerTicketDocument>(
        CUSTOMER_TICKETS_COLLECTION,
        { resolvedAt: { $gte: query.period.from, $lte: query.period.to } },
        { sort: { field: 'resolvedAt', direction: 'asc' }, limit: 1_000, after },
      );
      resolved.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return {
      report: 'team-performance',
      period: query.period,
      asOf: this.clock.now().toISOString(),
      // Both read models: the lower of the two positions is what the whole report reflects.
      position: lowest(await this.position.of(CUSTOMER_DEALS), await this.position.of(CUSTOMER_TICKETS)),
      figures: teamPerformance(closed, resolved),
    };
  }
}

function lowest(...positions: (number | null)[]): number | null {
  return positions.some((position) => position === null) ? null : Math.min(...(positions as number[]));
}

@HandlesQuery(GetNpsTrend)
export class GetNpsTrendHandler implements IQueryHandler<GetNpsTrend> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly position: ReadPosition,
  ) {}

  async execute(query: GetNpsTrend): Promise<Report<NpsTrend>> {
    const now = this.clock.now();
    const to = query.period.to ?? now.toISOString().slice(0, 7);
    const from = query.period.from ?? addMonths(to, -11);
    // One document per month: a period of years is a few dozen.
    const months: NpsMonthDocument[] = [];
    let after: string | undefined;
    do {
      const page = await this.documents.find<NpsMonthDocument>(
        NPS_MONTHS_COLLECTION,
        { month: { $gte: from, $lte: to } },
        { sort: { field: 'month', direction: 'asc' }, limit: 1_000, after },
      );
      months.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return {
      report: 'nps-trend',
      period: { from, to },
      asOf: now.toISOString(),
      position: await this.position.of(NPS_MONTHS),
      figures: npsTrend(from, to, months),
    };
  }
}
