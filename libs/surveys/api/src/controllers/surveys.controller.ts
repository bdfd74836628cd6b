import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import {
  CreateSurveyCampaign,
  GetSurveyCampaign,
  GetSurveyInvitation,
  LaunchSurveyCampaign,
  ListCustomerSurveys,
  ListSurveyAlerts,
  ListSurveyOutbox,
  RunPeriodicNps,
  SendSurveyInvitation,
} from '@c360/surveys-application';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  SendSurveyDto,
  SurveyCampaignDto,
  SurveyCampaignParams,
  SurveyCustomerParams,
  SurveyInvitationParams,
  SurveyOutboxQuery,
  SurveysPageQuery,
} from '../dto/survey.dto';
import { written } from './survey-responses';

@Controller()
export class SurveysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Consent for the channel and purpose and survey fatigue are checked now; 409 names which refused. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Send one survey invitation to a customer (consent and survey fatigue checked at send time)' })
  @Post('surveys/invitations')
  async send(@Body() body: SendSurveyDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new SendSurveyInvitation(body, context));
    return written(result, { invitationId: result.invitationId, customerId: result.customerId });
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'An invitation with its answer and follow-up outcome' })
  @Get('surveys/invitations/:invitationId')
  invitation(@Param() params: SurveyInvitationParams) {
    return this.queries.execute(new GetSurveyInvitation(params.invitationId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's survey invitations and answers, newest first" })
  @Get('customers/:customerId/surveys')
  customerSurveys(@Param() params: SurveyCustomerParams, @Query() page: SurveysPageQuery) {
    return this.queries.execute(new ListCustomerSurveys(params.customerId, { limit: page.limit, after: page.after }));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'The embedded notifier outbox: survey messages delivered, newest first' })
  @Get('surveys/outbox')
  outbox(@Query() query: SurveyOutboxQuery) {
    return this.queries.execute(new ListSurveyOutbox(query.customerId, { limit: query.limit, after: query.after }));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Supervisor alerts: detractors and low CSAT answers whose follow-up is not resolved' })
  @Get('surveys/alerts')
  alerts(@Query() page: SurveysPageQuery) {
    return this.queries.execute(new ListSurveyAlerts({ limit: page.limit, after: page.after }));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Create a survey campaign for a list of customers or a customer 360 segment' })
  @Post('surveys/campaigns')
  async createCampaign(@Body() body: SurveyCampaignDto, @RequestCommandContext() context: CommandContext) {
    const { customerIds, segmentId, ...rest } = body;
    const audience = segmentId === undefined ? { customerIds: customerIds ?? [] } : { customerIds: [], segmentId };
    const result = await this.commands.execute(new CreateSurveyCampaign({ ...rest, ...audience }, context));
    return written(result, { campaignId: result.campaignId });
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Launch a campaign: each customer asked once, consent and fatigue checked per customer' })
  @Post('surveys/campaigns/:campaignId/launch')
  @HttpCode(200)
  async launch(@Param() params: SurveyCampaignParams, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new LaunchSurveyCampaign(params.campaignId, context));
    return {
      ...written(result, { campaignId: result.campaignId }),
      ...(await this.queries.execute(new GetSurveyCampaign(params.campaignId))),
    };
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'A campaign with its invited, answered and response rate' })
  @Get('surveys/campaigns/:campaignId')
  campaign(@Param() params: SurveyCampaignParams) {
    return this.queries.execute(new GetSurveyCampaign(params.campaignId));
  }

  @Roles(...ACCESS.jobs)
  @ApiOperation({ summary: 'Run the periodic NPS pass now' })
  @Post('surveys/scheduler/nps/run')
  @HttpCode(200)
  runNps(@RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RunPeriodicNps(context));
  }
}
