import { ACCESS, graphqlCommand as command, graphqlQuery as read, type GraphqlOperations } from '@c360/runtime';

/**
 * Surveys on the GraphQL gateway: each field is answered by the surveys route named beside it. The
 * public answer routes (`/surveys/respond`, token only) are for customers, not agents: they stay REST.
 */
export const SURVEYS_GRAPHQL: GraphqlOperations = [
  read('surveyTemplates', 'Survey templates (NPS, CSAT, custom), newest version each', '/surveys/templates', {
    filter: true,
    connection: true,
  }),
  read('surveyTemplate', 'A survey template with its versions', '/surveys/templates/:templateId'),
  read('surveyInvitation', 'An invitation: its survey, channel, answer and follow-up outcome', '/surveys/invitations/:invitationId'),
  read('customerSurveys', "A customer's invitations and answers, newest first", '/customers/:customerId/surveys', {
    filter: true,
    connection: true,
  }),
  read('surveyOutbox', 'Messages the embedded notifier holds (filter: customerId, limit, after)', '/surveys/outbox', {
    roles: ACCESS.oversee,
    filter: true,
  }),
  read('surveyAlerts', 'Detractor and low-CSAT alerts for supervisors', '/surveys/alerts', { roles: ACCESS.oversee, filter: true }),
  read('surveyCampaign', 'A campaign with its launch figures and answers', '/surveys/campaigns/:campaignId'),
  read(
    'npsReport',
    'NPS per period and tier with trend, optionally of one segment (filter: from, to, period, segmentId)',
    '/surveys/reports/nps',
    {
      roles: ACCESS.oversee,
      filter: true,
    },
  ),
  read('csatReport', 'CSAT average per agent and team (filter: from, to)', '/surveys/reports/csat', {
    roles: ACCESS.oversee,
    filter: true,
  }),
  read('surveyResponseRates', 'Response rates per campaign', '/surveys/reports/response-rates', { roles: ACCESS.oversee, filter: true }),
  command('defineSurveyTemplate', 'Define a survey template', 'POST', '/surveys/templates', { roles: ACCESS.manage }),
  command('reviseSurveyTemplate', 'Publish a new version of a template', 'PUT', '/surveys/templates/:templateId', { roles: ACCESS.manage }),
  command('inviteToSurvey', 'Invite a customer to a survey (consent and fatigue checked)', 'POST', '/surveys/invitations'),
  command('createSurveyCampaign', 'Create a campaign to a list or a segment', 'POST', '/surveys/campaigns', { roles: ACCESS.manage }),
  command('launchSurveyCampaign', 'Launch a campaign: each customer asked once', 'POST', '/surveys/campaigns/:campaignId/launch', {
    roles: ACCESS.manage,
    input: false,
  }),
  command('runPeriodicNps', 'Run the periodic NPS pass now', 'POST', '/surveys/scheduler/nps/run', { roles: ACCESS.jobs, input: false }),
];
