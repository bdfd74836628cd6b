import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { Logger } from '@nestjs/common';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, erasedCustomer, publish, purchaseRecorded, registeredCustomer, settle } from './testing/loyalty-test-kit';

const UNKNOWN = '0190a5c4-0000-7000-8000-00000000dead';

describe('loyalty API: only customers that exist (loyalty never enrols an unknown id)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock: new FakeClock('2026-03-10T09:00:00.000Z') });
  });
  afterEach(() => platform.close());

  const accountEvents = async () =>
    (await platform.stores.eventStore.readAll({ maxCount: 1_000 })).events.filter((event) => event.streamId.startsWith('loyalty-account-'));

  it('refuses enrolment, adjustments, redemptions, engagements, tier floors and partner earnings for an unknown id', async () => {
    const requests = [
      () => platform.http.post('/loyalty/accounts').send({ customerId: UNKNOWN }),
      () => platform.http.post(`/loyalty/accounts/${UNKNOWN}/adjustments`).set(SUPERVISOR_HEADERS).send({ points: 10, reason: 'goodwill' }),
      () => platform.http.post(`/loyalty/accounts/${UNKNOWN}/redemptions`).send({ points: 1 }),
      () => platform.http.post(`/loyalty/accounts/${UNKNOWN}/engagements`).send({ rule: 'review-written', reference: 'r-1' }),
      () => platform.http.put(`/loyalty/accounts/${UNKNOWN}/tier-floor`).set(SUPERVISOR_HEADERS).send({ tier: 'gold', reason: 'goodwill' }),
    ];
    for (const request of requests) {
      const refused = await request().expect(404);
      expect(refused.body).toMatchObject({ error: 'customer-not-found', details: { customerId: UNKNOWN, field: 'customerId' } });
    }
    const partner = await platform.http.post('/loyalty/partners').set(SUPERVISOR_HEADERS).send({ name: 'AirCo' }).expect(201);
    const earning = await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', partner.body.apiKey)
      .send({ customerId: UNKNOWN, points: 10, reference: 'flight-1' })
      .expect(404);
    expect(earning.body.error).toBe('customer-not-found');
    expect(await accountEvents()).toEqual([]);
  });

  it('refuses a transfer to an unknown recipient, naming the field', async () => {
    const sender = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId: sender }).expect(201);
    const refused = await platform.http
      .post(`/loyalty/accounts/${sender}/transfers`)
      .send({ toCustomerId: UNKNOWN, points: 10 })
      .expect(404);
    expect(refused.body).toMatchObject({ error: 'customer-not-found', details: { customerId: UNKNOWN, field: 'toCustomerId' } });
  });

  it('refuses an erased customer with 409 customer-erased', async () => {
    const customerId = await registeredCustomer(platform);
    await erasedCustomer(platform, customerId);
    const refused = await platform.http.post('/loyalty/accounts').send({ customerId }).expect(409);
    expect(refused.body).toMatchObject({ error: 'customer-erased', details: { customerId } });
  });

  it('a purchase for an id contacts never registered earns nothing: the reaction reports a refusal and moves on', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    const unknown = purchaseRecorded(UNKNOWN, 10_000);
    await publish(platform, `sales-purchase-${unknown.purchaseId}`, 'sales.purchase-recorded', unknown);
    const known = await registeredCustomer(platform);
    const purchase = purchaseRecorded(known, 10_000);
    await publish(platform, `sales-purchase-${purchase.purchaseId}`, 'sales.purchase-recorded', purchase);
    await settle(platform);

    expect((await accountEvents()).map((event) => event.streamId)).not.toContain(`loyalty-account-${UNKNOWN}`);
    await platform.http.get(`/loyalty/accounts/${known}`).expect(200);
    const status = await platform.processors.runner('loyalty:workflow:loyalty-sales-reactions')?.status();
    expect(status?.state).not.toBe('failed');
    expect(log.mock.calls.map(([message]) => String(message))).toContainEqual(
      expect.stringContaining('refused by a rule: customer-not-found'),
    );
    log.mockRestore();
  });

  it('accepts a customer registered a moment earlier (waits for the directory to reach the registration)', async () => {
    const fresh = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId: fresh }).expect(201);
  });
});
