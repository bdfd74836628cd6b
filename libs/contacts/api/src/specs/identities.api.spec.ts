import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, rawEvents, registerCustomer } from './contacts-api.fixtures';

describe('contacts API: identities (an e-mail or phone belongs to at most one active customer)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await contactsPlatform();
  });
  afterEach(() => platform.close());

  it('refuses to register with a taken e-mail (409) naming the existing customer, and keeps no claim of the refused request', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'] });
    const response = await platform.http
      .post('/customers')
      .send({ name: { first: 'Annie' }, emails: ['fresh@example.com', 'ANN@example.com'] })
      .expect(409);
    expect(response.body).toMatchObject({
      error: 'contacts.identity-taken',
      details: { kind: 'email', existingCustomerId: ann.customerId, field: 'emails.1' },
    });
    // The compensation released fresh@example.com: another customer can have it.
    await registerCustomer(platform, { name: { first: 'Cy' }, emails: ['fresh@example.com'] });
  });

  it('records a suspected duplicate instead, when asked to', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, phones: ['+4791234567'] });
    const response = await platform.http
      .post('/customers')
      .send({ name: { first: 'Annie' }, emails: ['annie@example.com'], phones: ['912 34 567'], onDuplicate: 'flag' })
      .expect(201);
    expect(response.body.suspectedDuplicates).toEqual([{ otherCustomerId: ann.customerId, reasons: ['same-phone'] }]);
    await platform.processors.waitUntilCaughtUp();
    const profile = await platform.http.get(`/customers/${response.body.customerId}`).expect(200);
    expect(profile.body).toMatchObject({
      phones: [],
      emails: ['annie@example.com'],
      suspectedDuplicates: [{ otherCustomerId: ann.customerId, reasons: ['same-phone'] }],
    });
    const events = await rawEvents(platform);
    const suspected = events.find((event) => event.type === 'contacts.duplicate-suspected');
    expect(suspected?.data).toMatchObject({
      customerId: response.body.customerId,
      otherCustomerId: ann.customerId,
      reasons: ['same-phone'],
    });
  });

  it('adds (201) and removes (200) e-mails and phones; a removed e-mail can be used by someone else', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'] });
    const bo = await registerCustomer(platform, { name: { first: 'Bo' }, emails: ['bo@example.com'] });
    await platform.http.post(`/customers/${ann.customerId}/emails`).send({ email: 'Work@Example.com' }).expect(201);
    await platform.http.post(`/customers/${ann.customerId}/phones`).send({ phone: '070-123 45 67', defaultRegion: 'SE' }).expect(201);
    const taken = await platform.http.post(`/customers/${bo.customerId}/emails`).send({ email: 'work@example.com' }).expect(409);
    expect(taken.body.details).toMatchObject({ existingCustomerId: ann.customerId, field: 'email' });

    await platform.http.delete(`/customers/${ann.customerId}/emails/work@example.com`).expect(200);
    await platform.http.delete(`/customers/${ann.customerId}/phones/${encodeURIComponent('+46701234567')}`).expect(200);
    await platform.http.post(`/customers/${bo.customerId}/emails`).send({ email: 'work@example.com' }).expect(201);
    await platform.processors.waitUntilCaughtUp();
    const profile = await platform.http.get(`/customers/${ann.customerId}`).expect(200);
    expect(profile.body).toMatchObject({ emails: ['ann@example.com'], phones: [], version: 4 });
  });

  it('validates identities before anything runs (400), and answers 404 for an unknown customer', async () => {
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann@example.com'] });
    const before = (await rawEvents(platform)).length;
    const bad = await platform.http.post(`/customers/${ann.customerId}/phones`).send({ phone: '12', defaultRegion: 'XX' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['defaultRegion', 'phone']);
    await platform.http.post(`/customers/${ann.customerId}/emails`).send({ email: 'nope' }).expect(400);
    expect(await rawEvents(platform)).toHaveLength(before);
    await platform.http.post('/customers/0190a000-0000-7000-8000-000000000404/emails').send({ email: 'x@example.com' }).expect(404);
    await platform.http.delete(`/customers/${ann.customerId}/emails/other@example.com`).expect(404);
  });

  it('never writes e-mails or phones in plaintext into claim streams', async () => {
    await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['secret.ann@example.com'], phones: ['+4791234567'] });
    const claims = (await rawEvents(platform)).filter((event) => event.streamId.startsWith('contacts-identity-'));
    expect(claims).toHaveLength(2);
    expect(claims[0].streamId).toMatch(/^contacts-identity-[0-9a-f]{64}$/);
    expect(JSON.stringify(claims)).not.toMatch(/secret|91234567/);
  });
});
