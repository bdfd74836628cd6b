import { ConfigError } from '@c360/runtime';
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
}

export const SURVEYS_CONFIG = Symbol('SurveysConfig');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `SURVEYS_RECONTACT_DAYS` (30), `SURVEYS_INVITATION_TTL_DAYS` (14), `SURVEYS_ANSWER_URL`
 * (`http://localhost:3000/surveys/respond`), `SURVEYS_NOTIFIER` (`outbox` | `webhook`; the webhook needs
 * `SURVEYS_WEBHOOK_URL` and `SURVEYS_WEBHOOK_SECRET` of 32+ characters, retries `SURVEYS_WEBHOOK_RETRIES` (4)
 * with exponential backoff from `SURVEYS_WEBHOOK_BACKOFF_MS` (500)), `SURVEYS_NPS_INTERVAL_MS` (daily;
 * 0 = off, off when NODE_ENV=test), `SURVEYS_NPS_CHANNEL` (email), `SURVEYS_NPS_PURPOSE` (marketing),
 * `SURVEYS_NPS_BATCH_SIZE` (200), `SURVEYS_CSAT_CHANNEL` (email).
 */
export function loadSurveysConfig(env: Env = process.env): SurveysConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!(values as readonly string[]).includes(raw)) problems.push(`${name}="${raw}" must be one of ${values.join(', ')}`);
    return (values as readonly string[]).includes(raw) ? (raw as T) : fallback;
  };
  const url = (name: string, fallback?: string): string => {
    const raw = env[name]?.trim() || fallback;
    if (!raw) {
      problems.push(`${name} is required`);
      return '';
    }
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
    } catch {
      problems.push(`${name}="${raw}" must be an http(s) URL`);
    }
    return raw.replace(/\/+$/, '');
  };
  const channels = ['email', 'sms', 'push'] as const;
  const kind = oneOf('SURVEYS_NOTIFIER', ['outbox', 'webhook'] as const, 'outbox');
  let notifier: SurveysConfig['notifier'] = { kind: 'outbox' };
  if (kind === 'webhook') {
    const secret = env.SURVEYS_WEBHOOK_SECRET?.trim() ?? '';
    if (secret.length < 32) problems.push('SURVEYS_WEBHOOK_SECRET must be at least 32 characters when SURVEYS_NOTIFIER=webhook');
    notifier = {
      kind: 'webhook',
      url: url('SURVEYS_WEBHOOK_URL'),
      secret,
      retries: integer('SURVEYS_WEBHOOK_RETRIES', 4, 0, 10),
      backoffMs: integer('SURVEYS_WEBHOOK_BACKOFF_MS', 500, 1, 60_000),
    };
  }
  const config: SurveysConfig = {
    recontactDays: integer('SURVEYS_RECONTACT_DAYS', 30, 0, 3650),
    invitationTtlDays: integer('SURVEYS_INVITATION_TTL_DAYS', 14, 1, 365),
    answerUrl: url('SURVEYS_ANSWER_URL', 'http://localhost:3000/surveys/respond'),
    notifier,
    npsIntervalMs: integer('SURVEYS_NPS_INTERVAL_MS', env.NODE_ENV === 'test' ? 0 : 86_400_000, 0, 31 * 86_400_000),
    npsChannel: oneOf('SURVEYS_NPS_CHANNEL', channels, 'email'),
    npsPurpose: oneOf('SURVEYS_NPS_PURPOSE', ['service', 'marketing'] as const, 'marketing'),
    npsBatchSize: integer('SURVEYS_NPS_BATCH_SIZE', 200, 1, 1_000),
    csatChannel: oneOf('SURVEYS_CSAT_CHANNEL', channels, 'email'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
