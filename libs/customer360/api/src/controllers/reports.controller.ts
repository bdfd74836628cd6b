import { GetCustomerReport, GetNpsTrend, GetTeamPerformance, badRequest } from '@c360/customer360-application';
import type { Clock } from '@c360/kernel';
import { CLOCK, QueryBus, ACCESS, Roles } from '@c360/runtime';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { InstantPeriodQuery, MonthPeriodQuery, ValueReportQuery } from '../dto/report.dto';

/** Reports over the 360 documents; each answer names its period and the log position it reflects. */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Most valuable' })
  @Get('most-valuable-customers')
  mostValuable(@Query() query: ValueReportQuery) {
    return this.queries.execute(new GetCustomerReport('most-valuable', {}, query.currency));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Retention' })
  @Get('retention')
  retention(@Query() query: MonthPeriodQuery) {
    if (query.from && query.to && query.from > query.to) throw badRequest('from', 'must not be after to');
    return this.queries.execute(new GetCustomerReport('retention', query));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Reward effectiveness' })
  @Get('reward-effectiveness')
  rewardEffectiveness() {
    return this.queries.execute(new GetCustomerReport('reward-effectiveness', {}));
  }

  /** Default period: the last 30 days. */
  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Default period: the last 30 days' })
  @Get('team-performance')
  teamPerformance(@Query() query: InstantPeriodQuery) {
    const to = query.to ? new Date(query.to).toISOString() : this.clock.now().toISOString();
    const from = query.from ? new Date(query.from).toISOString() : new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
    if (from > to) throw badRequest('from', 'must not be after to');
    return this.queries.execute(new GetTeamPerformance({ from, to }));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Nps trend' })
  @Get('nps-trend')
  npsTrend(@Query() query: MonthPeriodQuery) {
    if (query.from && query.to && query.from > query.to) throw badRequest('from', 'must not be after to');
    return this.queries.execute(new GetNpsTrend(query));
  }
}
