import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, rawEvents, registerCustomer } from './contacts-api.fixtures';

describe('contacts API: consent', () => {
  let platform: TestPlatform;
  let customerId: string;
  beforeEach(async () => {
    platform = await contactsPlatform();
    platform.clock.set('2026-03-01T10:00:00.000Z');
    ({ customerId } = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'] }));
  });
  afterEach(() => platform.close());

  const at = (t: string) => platform.http.get(`/customers/${customerId}/consents/email/marketing`).query({ at: t }).expect(200);

  it('grants and revokes with source and time, and answers "valid at t" for any t', async () => {
    await platform.http
      .post(`/customers/${customerId}/consents/grants`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web-form', at: '2026-02-20T09:00:00.000Z' })
      .expect(201);
    platform.clock.set('2026-03-05T10:00:00.000Z');
    const revoked = await platform.http
      .post(`/customers/${customerId}/consents/revocations`)
      .send({ channel: 'email', purpose: 'marketing', source: 'unsubscribe-link' })
      .expect(201);
    expect(revoked.body).toMatchObject({ customerId, version: 2 });
    await platform.processors.waitUntilCaughtUp();

    expect((await at('2026-02-19T00:00:00.000Z')).body).toMatchObject({ valid: false });
    expect((await at('2026-02-20T09:00:00.000Z')).body).toMatchObject({ valid: true, decidedBy: { source: 'web-form' } });
    expect((await at('2026-03-04T00:00:00.000Z')).body).toMatchObject({ valid: true });
    expect((await at('2026-03-05T10:00:00.000Z')).body).toMatchObject({ valid: false, decidedBy: { source: 'unsubscribe-link' } });
    const sms = await platform.http.get(`/customers/${customerId}/consents/sms/marketing`).expect(200);
    expect(sms.body).toMatchObject({ valid: false, channel: 'sms', purpose: 'marketing' });

    const history = await platform.http.get(`/customers/${customerId}/consents`).expect(200);
    expect(history.body.history).toEqual([
      { channel: 'email', purpose: 'marketing', granted: true, source: 'web-form', at: '2026-02-20T09:00:00.000Z' },
      { channel: 'email', purpose: 'marketing', granted: false, source: 'unsubscribe-link', at: '2026-03-05T10:00:00.000Z' },
    ]);
  });

  it('refuses bad decisions (400 naming the field), future or out-of-order times (422)', async () => {
    const before = (await rawEvents(platform)).length;
    const bad = await platform.http
      .post(`/customers/${customerId}/consents/grants`)
      .send({ channel: 'fax', purpose: 'marketing', source: 'Free Text' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['channel', 'source']);
    await platform.http.get(`/customers/${customerId}/consents/fax/marketing`).expect(400);
    await platform.http.get(`/customers/${customerId}/consents/email/marketing`).query({ at: 'yesterday' }).expect(400);
    expect(await rawEvents(platform)).toHaveLength(before);

    const future = await platform.http
      .post(`/customers/${customerId}/consents/grants`)
      .send({ channel: 'sms', purpose: 'service', source: 'app', at: '2027-01-01T00:00:00.000Z' })
      .expect(422);
    expect(future.body.error).toBe('contacts.consent-in-future');
    await platform.http
      .post(`/customers/${customerId}/consents/grants`)
      .send({ channel: 'sms', purpose: 'service', source: 'app' })
      .expect(201);
    const early = await platform.http
      .post(`/customers/${customerId}/consents/revocations`)
      .send({ channel: 'sms', purpose: 'service', source: 'app', at: '2026-01-01T00:00:00.000Z' })
      .expect(422);
    expect(early.body.error).toBe('contacts.consent-out-of-order');
  });

  it('answers 404 for an unknown customer', async () => {
    await platform.http
      .post('/customers/0190a000-0000-7000-8000-000000000404/consents/grants')
      .send({ channel: 'email', purpose: 'service', source: 'web' })
      .expect(404);
    await platform.http.get('/customers/0190a000-0000-7000-8000-000000000404/consents/email/service').expect(404);
  });
});
