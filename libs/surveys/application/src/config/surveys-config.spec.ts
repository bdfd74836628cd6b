import { ConfigError } from '@c360/runtime';
import { loadSurveysConfig } from './surveys-config';

describe('surveys: configuration', () => {
  it('defaults to the outbox, 30 days of fatigue and 14-day links', () => {
    expect(loadSurveysConfig({})).toMatchObject({
      recontactDays: 30,
      invitationTtlDays: 14,
      notifier: { kind: 'outbox' },
      npsIntervalMs: 86_400_000,
    });
    expect(loadSurveysConfig({ NODE_ENV: 'test' }).npsIntervalMs).toBe(0);
  });

  it('a webhook needs a URL and a secret of 32+ characters; bad values name the variable', () => {
    expect(
      loadSurveysConfig({
        SURVEYS_NOTIFIER: 'webhook',
        SURVEYS_WEBHOOK_URL: 'https://hooks.example/s',
        SURVEYS_WEBHOOK_SECRET: 'x'.repeat(32),
      }).notifier,
    ).toEqual({
      kind: 'webhook',
      url: 'https://hooks.example/s',
      secret: 'x'.repeat(32),
      retries: 4,
      backoffMs: 500,
    });
    expect(() =>
      loadSurveysConfig({ SURVEYS_NOTIFIER: 'webhook', SURVEYS_WEBHOOK_URL: 'ftp://x', SURVEYS_WEBHOOK_SECRET: 'short' }),
    ).toThrow(ConfigError);
    expect(() => loadSurveysConfig({ SURVEYS_RECONTACT_DAYS: '-1' })).toThrow(/SURVEYS_RECONTACT_DAYS="-1"/);
    expect(() => loadSurveysConfig({ SURVEYS_NOTIFIER: 'pigeon' })).toThrow(/SURVEYS_NOTIFIER="pigeon"/);
  });
});
