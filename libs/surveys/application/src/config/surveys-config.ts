import { SettingsReader } from '@c360/runtime';
import type { SurveyChannel, SurveyPurpose } from '@c360/surveys-domain';

export interface SurveysConfig {
  /** Survey fatigue when a survey sets none: no customer asked more than once per this many days. */
  readonly recontactDays: number;
  /** How long an invitation's link can be answered. */
  readonly invitationTtlDays: number;
  /** Where the answer page lives: the link is `<answerUrl>?token=<token>`. */
  readonly answerUrl: string;
  readonly notifier:
    | { readonly kind: 'outbox' }
    | { readonly kind: 'webhook'; readonly url: string; readonly secret: string; readonly retries: number; readonly backoffMs: number };
  /** The periodic NPS pass; 0 = off. */
  readonly npsIntervalMs: number;
  readonly npsChannel: SurveyChannel;
  readonly npsPurpose: SurveyPurpose;
  readonly npsBatchSize: number;
  /** The channel and purpose of the CSAT survey sent after a resolved ticket. */
  readonly csatChannel: SurveyChannel;
  /**
   * The customer 360 service, where segments are read for segment campaigns and NPS per segment, when it
   * runs as its own process; unset, it is asked in this process (the embedded platform).
   */
  readonly customer360Url?: string;
}

export const SURVEYS_CONFIG = Symbol('SurveysConfig');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `SURVEYS_RECONTACT_DAYS` (30), `SURVEYS_INVITATION_TTL_DAYS` (14), `SURVEYS_ANSWER_URL`
 * (`http://localhost:3000/surveys/respond`), `SURVEYS_NOTIFIER` (`outbox` | `webhook`; the webhook needs
 * `SURVEYS_WEBHOOK_URL` and `SURVEYS_WEBHOOK_SECRET` of 32+ characters, retries `SURVEYS_WEBHOOK_RETRIES` (4)
 * with exponential backoff from `SURVEYS_WEBHOOK_BACKOFF_MS` (500)), `SURVEYS_NPS_INTERVAL_MS` (daily;
 * 0 = off, off when NODE_ENV=test), `SURVEYS_NPS_CHANNEL` (email), `SURVEYS_NPS_PURPOSE` (marketing),
 * `SURVEYS_NPS_BATCH_SIZE` (200), `SURVEYS_CSAT_CHANNEL` (email), `C360_SERVICE_URL_CUSTOMER360` (optional:
 * the customer 360 service's base URL when it runs apart).
 */
export function loadSurveysConfig(env: Env = process.env): SurveysConfig {
  const settings = new SettingsReader(env);
  const channels = ['email', 'sms', 'push'] as const;
  let notifier: SurveysConfig['notifier'] = { kind: 'outbox' };
  if (settings.oneOf('SURVEYS_NOTIFIER', ['outbox', 'webhook'] as const, 'outbox') === 'webhook') {
    const secret = env.SURVEYS_WEBHOOK_SECRET?.trim() ?? '';
    if (secret.length < 32) settings.problems.push('SURVEYS_WEBHOOK_SECRET must be at least 32 characters when SURVEYS_NOTIFIER=webhook');
    notifier = {
      kind: 'webhook',
      url: settings.httpUrl('SURVEYS_WEBHOOK_URL'),
      secret,
      retries: settings.integer('SURVEYS_WEBHOOK_RETRIES', 4, 0, 10),
      backoffMs: settings.integer('SURVEYS_WEBHOOK_BACKOFF_MS', 500, 1, 60_000),
    };
  }
  return settings.done({
    recontactDays: settings.integer('SURVEYS_RECONTACT_DAYS', 30, 0, 3650),
    invitationTtlDays: settings.integer('SURVEYS_INVITATION_TTL_DAYS', 14, 1, 365),
    answerUrl: settings.httpUrl('SURVEYS_ANSWER_URL', 'http://localhost:3000/surveys/respond'),
    notifier,
    npsIntervalMs: settings.integer('SURVEYS_NPS_INTERVAL_MS', env.NODE_ENV === 'test' ? 0 : 86_400_000, 0, 31 * 86_400_000),
    npsChannel: settings.oneOf('SURVEYS_NPS_CHANNEL', channels, 'email'),
    npsPurpose: settings.oneOf('SURVEYS_NPS_PURPOSE', ['service', 'marketing'] as const, 'marketing'),
    npsBatchSize: settings.integer('SURVEYS_NPS_BATCH_SIZE', 200, 1, 1_000),
    csatChannel: settings.oneOf('SURVEYS_CSAT_CHANNEL', channels, 'email'),
    ...(env.C360_SERVICE_URL_CUSTOMER360?.trim() ? { customer360Url: settings.httpUrl('C360_SERVICE_URL_CUSTOMER360') } : {}),
  });
}
