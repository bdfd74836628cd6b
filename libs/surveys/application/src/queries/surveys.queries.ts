import { ContextQuery, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import type { InvitationDocument, TemplateDocument } from '@c360/surveys-projections';
import { SurveyCampaignService, type CampaignView } from '../campaigns/campaign.service';
import type { SurveyMessageOut } from '../delivery/notifier.port';
import { RespondentService } from '../respondents/respondent.service';
import { SurveysQueries, type PageAsk, type ReportPeriod, type SurveysPage } from './surveys-queries.service';

/** The surveys reads as QueryBus messages. */

export class ListSurveyTemplates extends ContextQuery<SurveysPage<TemplateDocument>> {
  constructor(readonly page: PageAsk) {
    super();
  }
}
export class GetSurveyTemplate extends ContextQuery<TemplateDocument> {
  constructor(readonly templateId: string) {
    super();
  }
}
export class ListSurveyOutbox extends ContextQuery<SurveysPage<SurveyMessageOut>> {
  constructor(
    readonly customerId: string | undefined,
    readonly page: PageAsk,
  ) {
    super();
  }
}
export class GetSurveyInvitation extends ContextQuery<InvitationDocument> {
  constructor(readonly invitationId: string) {
    super();
  }
}
export class ListCustomerSurveys extends ContextQuery<SurveysPage<InvitationDocument>> {
  constructor(
    readonly customerId: string,
    readonly page: PageAsk,
  ) {
    super();
  }
}
export class ListSurveyAlerts extends ContextQuery<SurveysPage<InvitationDocument>> {
  constructor(readonly page: PageAsk) {
    super();
  }
}
export class GetSurveyCampaign extends ContextQuery<CampaignView> {
  constructor(readonly campaignId: string) {
    super();
  }
}
/** What an invitation link shows (public: the questions, nothing about the customer). */
export class GetSurveyByToken extends ContextQuery<Awaited<ReturnType<RespondentService['survey']>>> {
  constructor(readonly token: string) {
    super();
  }
}
export class GetNpsReport extends ContextQuery<Awaited<ReturnType<SurveysQueries['npsReport']>>> {
  constructor(
    readonly period: ReportPeriod,
    readonly range: { from?: string; to?: string },
    /** Only the answers of this customer 360 segment's current members. */
    readonly segmentId?: string,
  ) {
    super();
  }
}
export class GetCsatReport extends ContextQuery<Awaited<ReturnType<SurveysQueries['csatReport']>>> {
  constructor(readonly range: { from?: string; to?: string }) {
    super();
  }
}
export class GetResponseRates extends ContextQuery<Awaited<ReturnType<SurveysQueries['responseRates']>>> {}

@HandlesQuery(ListSurveyTemplates)
export class ListSurveyTemplatesHandler implements IQueryHandler<ListSurveyTemplates> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: ListSurveyTemplates) {
    return this.queries.templates(query.page);
  }
}
@HandlesQuery(GetSurveyTemplate)
export class GetSurveyTemplateHandler implements IQueryHandler<GetSurveyTemplate> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: GetSurveyTemplate) {
    return this.queries.template(query.templateId);
  }
}
@HandlesQuery(ListSurveyOutbox)
export class ListSurveyOutboxHandler implements IQueryHandler<ListSurveyOutbox> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: ListSurveyOutbox) {
    return this.queries.outbox(query.customerId, query.page);
  }
}
@HandlesQuery(GetSurveyInvitation)
export class GetSurveyInvitationHandler implements IQueryHandler<GetSurveyInvitation> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: GetSurveyInvitation) {
    return this.queries.invitation(query.invitationId);
  }
}
@HandlesQuery(ListCustomerSurveys)
export class ListCustomerSurveysHandler implements IQueryHandler<ListCustomerSurveys> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: ListCustomerSurveys) {
    return this.queries.customerSurveys(query.customerId, query.page);
  }
}
@HandlesQuery(ListSurveyAlerts)
export class ListSurveyAlertsHandler implements IQueryHandler<ListSurveyAlerts> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: ListSurveyAlerts) {
    return this.queries.alerts(query.page);
  }
}
@HandlesQuery(GetSurveyCampaign)
export class GetSurveyCampaignHandler implements IQueryHandler<GetSurveyCampaign> {
  constructor(private readonly campaigns: SurveyCampaignService) {}
  execute(query: GetSurveyCampaign) {
    return this.campaigns.view(query.campaignId);
  }
}
@HandlesQuery(GetSurveyByToken)
export class GetSurveyByTokenHandler implements IQueryHandler<GetSurveyByToken> {
  constructor(private readonly respondents: RespondentService) {}
  execute(query: GetSurveyByToken) {
    return this.respondents.survey(query.token);
  }
}
@HandlesQuery(GetNpsReport)
export class GetNpsReportHandler implements IQueryHandler<GetNpsReport> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: GetNpsReport) {
    return this.queries.npsReport(query.period, query.range, query.segmentId);
  }
}
@HandlesQuery(GetCsatReport)
export class GetCsatReportHandler implements IQueryHandler<GetCsatReport> {
  constructor(private readonly queries: SurveysQueries) {}
  execute(query: GetCsatReport) {
    return this.queries.csatReport(query.range);
  }
}
@HandlesQuery(GetResponseRates)
export class GetResponseRatesHandler implements IQueryHandler<GetResponseRates> {
  constructor(private readonly queries: SurveysQueries) {}
  execute() {
    return this.queries.responseRates();
  }
}

export const SURVEYS_QUERY_HANDLERS = [
  ListSurveyTemplatesHandler,
  GetSurveyTemplateHandler,
  ListSurveyOutboxHandler,
  GetSurveyInvitationHandler,
  ListCustomerSurveysHandler,
  ListSurveyAlertsHandler,
  GetSurveyCampaignHandler,
  GetSurveyByTokenHandler,
  GetNpsReportHandler,
  GetCsatReportHandler,
  GetResponseRatesHandler,
];
