import type { DocumentStore } from '@c360/kernel';
import { DOCUMENT_STORE } from '@c360/runtime';
import type { Provider } from '@nestjs/common';
import { SurveysAccessExport } from './access/surveys-access-export';
import { SurveyCampaignService } from './campaigns/campaign.service';
import { SURVEYS_CONFIG, loadSurveysConfig, type SurveysConfig } from './config/surveys-config';
import { InvitationDeliveryProcessor } from './delivery/invitation-delivery.processor';
import { NOTIFIER, type Notifier } from './delivery/notifier.port';
import { OutboxNotifier } from './delivery/outbox-notifier';
import { WebhookNotifier } from './delivery/webhook-notifier';
import { SurveysQueries } from './queries/surveys-queries.service';
import { SURVEYS_QUERY_HANDLERS } from './queries/surveys.queries';
import { SEGMENT_AUDIENCE_PROVIDER } from './segments/segment-audience.provider';
import { RespondentService } from './respondents/respondent.service';
import { PeriodicNpsScheduler, RunPeriodicNpsHandler } from './scheduler/periodic-nps';
import { SURVEYS_COMMAND_HANDLERS } from './surveys-command.handlers';
import { EnsureDefaultTemplates } from './templates/ensure-default-templates';
import { SurveyTemplateService } from './templates/template.service';
import { InvitationTokens } from './tokens/invitation-tokens';

/** The notifier the configuration names: the embedded outbox, or the signed webhook. */
export function notifierFor(config: SurveysConfig, documents: DocumentStore): Notifier {
  return config.notifier.kind === 'webhook' ? new WebhookNotifier(config.notifier) : new OutboxNotifier(documents);
}

/** Everything the surveys definition provides: configuration, the notifier, services, CQRS handlers, the scheduler. */
export const SURVEYS_PROVIDERS: Provider[] = [
  { provide: SURVEYS_CONFIG, useFactory: () => loadSurveysConfig() },
  { provide: NOTIFIER, useFactory: notifierFor, inject: [SURVEYS_CONFIG, DOCUMENT_STORE] },
  SEGMENT_AUDIENCE_PROVIDER,
  InvitationTokens,
  SurveyTemplateService,
  RespondentService,
  SurveyCampaignService,
  SurveysQueries,
  SurveysAccessExport,
  InvitationDeliveryProcessor,
  EnsureDefaultTemplates,
  PeriodicNpsScheduler,
  RunPeriodicNpsHandler,
  ...SURVEYS_COMMAND_HANDLERS,
  ...SURVEYS_QUERY_HANDLERS,
];
