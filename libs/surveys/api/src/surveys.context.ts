import { customerDirectoryProjection } from '@c360/contacts-contracts';
import { ContextModule, defineContext } from '@c360/runtime';
import {
  EnsureDefaultTemplates,
  InvitationDeliveryProcessor,
  SURVEYS_PROVIDERS,
  SurveysAccessExport,
  TICKETS_REPLY_ADDED,
  TICKETS_TICKET_OPENED,
  TICKETS_TICKET_RESOLVED,
  loadSurveysConfig,
  ticketReactionsWorkflow,
} from '@c360/surveys-application';
import { SURVEYS_INTEGRATION_EVENTS, SURVEYS_TIMELINE } from '@c360/surveys-contracts';
import { respondentAggregate, surveyCampaignAggregate, surveyTemplateAggregate, surveysEventFields } from '@c360/surveys-domain';
import { SURVEYS_PROJECTIONS } from '@c360/surveys-projections';
import { SurveyAnswersController } from './controllers/survey-answers.controller';
import { SurveyReportsController } from './controllers/survey-reports.controller';
import { SurveyTemplatesController } from './controllers/survey-templates.controller';
import { SurveysController } from './controllers/surveys.controller';

/**
 * The surveys bounded context in one place: versioned templates (NPS, CSAT, custom), campaigns, and
 * one respondent stream per customer holding their invitations (consent and fatigue checked at send
 * time), answers (one per invitation, through a signed expiring link) and the follow-up of every
 * detractor. Delivery goes through the Notifier port; comments are sealed with the customer's key.
 */
export const surveysContext = defineContext({
  name: 'surveys',
  description: 'NPS, CSAT and custom surveys: consent-checked invitations, signed answer links, the closed loop and reports',
  aggregates: [surveyTemplateAggregate, surveyCampaignAggregate, respondentAggregate],
  eventFields: surveysEventFields,
  customerDirectory: customerDirectoryProjection('surveys'),
  projections: SURVEYS_PROJECTIONS,
  workflows: [ticketReactionsWorkflow],
  processors: [InvitationDeliveryProcessor],
  publishes: SURVEYS_INTEGRATION_EVENTS,
  timeline: SURVEYS_TIMELINE,
  consumes: [TICKETS_TICKET_OPENED, TICKETS_REPLY_ADDED, TICKETS_TICKET_RESOLVED],
  accessExport: SurveysAccessExport,
  controllers: [SurveyTemplatesController, SurveysController, SurveyAnswersController, SurveyReportsController],
  providers: SURVEYS_PROVIDERS,
  onStart: [EnsureDefaultTemplates],
  settings: () => {
    const config = loadSurveysConfig();
    const notifier = config.notifier.kind === 'webhook' ? `webhook ${config.notifier.url}` : 'outbox';
    return `notifier: ${notifier}; recontact ${config.recontactDays} days; periodic NPS: ${config.npsIntervalMs > 0 ? `every ${config.npsIntervalMs} ms` : 'off'}`;
  },
});

export const SurveysModule = ContextModule.register(surveysContext);
