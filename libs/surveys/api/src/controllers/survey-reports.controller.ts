import { ACCESS, QueryBus, Roles } from '@c360/runtime';
import { GetCsatReport, GetNpsReport, GetResponseRates } from '@c360/surveys-application';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { NpsReportQuery, SurveyRangeQuery } from '../dto/survey.dto';
import { instantRange } from './survey-responses';

@Controller('surveys/reports')
export class SurveyReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'NPS (% promoters − % detractors) per period with trend, and per loyalty tier; optionally of one segment' })
  @Get('nps')
  nps(@Query() query: NpsReportQuery) {
    return this.queries.execute(new GetNpsReport(query.period ?? 'month', instantRange(query), query.segmentId));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'CSAT average per agent and per team' })
  @Get('csat')
  csat(@Query() query: SurveyRangeQuery) {
    return this.queries.execute(new GetCsatReport(instantRange(query)));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Response rates per campaign' })
  @Get('response-rates')
  responseRates() {
    return this.queries.execute(new GetResponseRates());
  }
}
