import { FakeClock } from '@c360/kernel/testing';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { LoyaltyModule } from './loyalty.context';
import { publish, settle, registeredCustomer } from './testing/loyalty-test-kit';

const supervisor = authHeaders('supervisor', 'sup-1');

describe('loyalty accounts API', () => {
  let platform: TestPlatform;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  const enrol = async (given?: string) => {
    const customerId = given ?? (await registeredCustomer(platform));
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    return customerId;
  };
  const credit = (customerId: string, points: number) =>
    platform.http.post(`/loyalty/accounts/${customerId}/adjustments`).set(supervisor).send({ points, reason: 'goodwill' }).expect(201);

  it('enrols a customer, credits, redeems and shows the balance and ledger', async () => {
    const customerId = await enrol();
    await credit(customerId, 500);
    const redeemed = await platform.http
      .post(`/loyalty/accounts/${customerId}/redemptions`)
      .send({ points: 120, reference: 'POS-1' })
      .expect(201);
    expect(redeemed.body).toMatchObject({ customerId, status: 'completed', points: 120, version: 2, duplicate: false });
    expect(redeemed.body.redemptionId).toMatch(/^[0-9a-f-]{36}$/);

    await platform.processors.waitUntilCaughtUp();
    const balance = await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200);
    expect(balance.body).toMatchObject({
      customerId,
      version: 2,
      status: 'active',
      spendable: 380,
      pending: 0,
      debt: 0,
      balance: 380,
      tier: { tier: 'bronze', nextTier: 'silver', pointsToNextTier: 1_000, pointsToKeepTier: 0 },
      lots: [{ remaining: 380, state: 'spendable', expiresAt: '2027-03-10T09:00:00.000Z' }],
    });

    const ledger = await platform.http.get(`/loyalty/accounts/${customerId}/ledger?limit=2`).expect(200);
    expect(ledger.body.items.map((entry: { type: string; points: number }) => [entry.type, entry.points])).toEqual([
      ['loyalty.points-redeemed', -120],
      ['loyalty.points-adjusted', 500],
    ]);
    const rest = await platform.http.get(`/loyalty/accounts/${customerId}/ledger?limit=2&after=${ledger.body.nextCursor}`).expect(200);
    expect(rest.body).toMatchObject({ items: [{ type: 'loyalty.account-enrolled', points: 0 }], nextCursor: null });
  });

  it('shows pending purchase-like points and the lots expiring soon as time passes', async () => {
    const customerId = await enrol();
    await credit(customerId, 100);
    clock.set('2027-01-01T00:00:00.000Z');
    await platform.processors.waitUntilCaughtUp();
    const balance = await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200);
    expect(balance.body.expiringSoon).toEqual([{ expiresAt: '2027-03-10T09:00:00.000Z', points: 100 }]);
    clock.set('2027-03-10T09:00:00.000Z');
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body).toMatchObject({ spendable: 0, balance: 0 });
  });

  it('answers 409 with the spendable balance when a redemption asks for more', async () => {
    const customerId = await enrol();
    await credit(customerId, 50);
    const response = await platform.http.post(`/loyalty/accounts/${customerId}/redemptions`).send({ points: 51 }).expect(409);
    expect(response.body).toMatchObject({ error: 'loyalty.insufficient-points', details: { spendable: 50, requested: 51 } });
  });

  it('lets only supervisors adjust, with a reason code, and refuses bad input naming the field', async () => {
    const customerId = await enrol();
    const forbidden = await platform.http
      .post(`/loyalty/accounts/${customerId}/adjustments`)
      .send({ points: 10, reason: 'goodwill' })
      .expect(403);
    expect(forbidden.body.error).toBe('loyalty.supervisor-required');
    const bad = await platform.http
      .post(`/loyalty/accounts/${customerId}/adjustments`)
      .set(supervisor)
      .send({ points: 0, reason: 'felt like it', note: 'x' })
      .expect(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['note', 'points', 'reason']);
    expect(await platform.stores.eventStore.readStream(`loyalty-account-${customerId}`)).toHaveLength(1);
  });

  it('answers 404 for a customer who is not enrolled, and 400 for an id that is not a UUID', async () => {
    await platform.http.get(`/loyalty/accounts/${randomUUID()}`).expect(404);
    await platform.http.post(`/loyalty/accounts/${randomUUID()}/redemptions`).send({ points: 1 }).expect(404);
    const bad = await platform.http.get('/loyalty/accounts/not-a-uuid').expect(400);
    expect(bad.body.fields[0].field).toBe('customerId');
  });

  it('returns the first result for a repeated Idempotency-Key, and 409 on a stale If-Match', async () => {
    const customerId = await enrol();
    await credit(customerId, 100);
    const key = randomUUID();
    const first = await platform.http
      .post(`/loyalty/accounts/${customerId}/redemptions`)
      .set('Idempotency-Key', key)
      .send({ points: 10 })
      .expect(201);
    const again = await platform.http
      .post(`/loyalty/accounts/${customerId}/redemptions`)
      .set('Idempotency-Key', key)
      .send({ points: 10 })
      .expect(201);
    expect(again.body).toMatchObject({ duplicate: true, redemptionId: first.body.redemptionId, version: first.body.version });
    const stale = await platform.http
      .post(`/loyalty/accounts/${customerId}/redemptions`)
      .set('If-Match', '0')
      .send({ points: 10 })
      .expect(409);
    expect(stale.body).toMatchObject({ error: 'concurrency_conflict', currentVersion: 2 });
  });

  it('cancels a redemption, restoring the points', async () => {
    const customerId = await enrol();
    await credit(customerId, 100);
    const redeemed = await platform.http.post(`/loyalty/accounts/${customerId}/redemptions`).send({ points: 60 }).expect(201);
    await platform.http.post(`/loyalty/accounts/${customerId}/redemptions/${redeemed.body.redemptionId}/cancellation`).expect(201);
    await platform.processors.waitUntilCaughtUp();
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.spendable).toBe(100);
    await platform.http.post(`/loyalty/accounts/${customerId}/redemptions/${redeemed.body.redemptionId}/cancellation`).expect(409);
  });

  it('transfers points to another member within the limits, crediting the recipient by a durable reaction', async () => {
    const sender = await enrol();
    const recipient = await enrol();
    await credit(sender, 300);
    await platform.http
      .post(`/loyalty/accounts/${sender}/transfers`)
      .send({ toCustomerId: await registeredCustomer(platform), points: 50 })
      .expect(422);
    const sent = await platform.http
      .post(`/loyalty/accounts/${sender}/transfers`)
      .send({ toCustomerId: recipient, points: 120 })
      .expect(201);
    expect(sent.body.transferId).toBeDefined();
    await platform.http.post(`/loyalty/accounts/${sender}/transfers`).send({ toCustomerId: recipient, points: 5 }).expect(422);
    await platform.processors.waitUntilCaughtUp();
    await platform.processors.waitUntilCaughtUp();
    expect((await platform.http.get(`/loyalty/accounts/${sender}`).expect(200)).body.spendable).toBe(180);
    expect((await platform.http.get(`/loyalty/accounts/${recipient}`).expect(200)).body).toMatchObject({
      spendable: 120,
      lots: [{ origin: 'transfer', expiresAt: '2027-03-10T09:00:00.000Z' }],
    });
  });

  it('gives transferred points back to the sender when the recipient was closed in the meantime', async () => {
    const sender = await enrol();
    const recipient = await enrol();
    await credit(sender, 300);
    // The recipient is erased after the transfer was checked, before the reaction credits it.
    const internal = platform.processors.runner('loyalty:workflow:loyalty-internal-reactions');
    await internal?.stop();
    await platform.http.post(`/loyalty/accounts/${sender}/transfers`).send({ toCustomerId: recipient, points: 100 }).expect(201);
    await publish(platform, `contacts-customer-${recipient}`, 'contacts.customer-erased', {
      customerId: recipient,
      erasedAt: clock.now().toISOString(),
    });
    await platform.processors
      .runner('loyalty:workflow:loyalty-contacts-reactions')
      ?.waitFor((await platform.stores.eventStore.headPosition()) ?? 0);
    internal?.start();
    await settle(platform);
    expect((await platform.http.get(`/loyalty/accounts/${recipient}`).expect(200)).body).toMatchObject({ status: 'closed', spendable: 0 });
    const senderView = (await platform.http.get(`/loyalty/accounts/${sender}`).expect(200)).body;
    expect(senderView.spendable).toBe(300);
    expect(senderView.lots.map((lot: { origin: string; remaining: number }) => [lot.origin, lot.remaining])).toEqual([
      ['adjustment', 200],
      ['transfer', 100],
    ]);
  });

  it('sets a tier floor (supervisor) and shows it', async () => {
    const customerId = await enrol();
    await platform.http.put(`/loyalty/accounts/${customerId}/tier-floor`).send({ tier: 'gold', reason: 'service-recovery' }).expect(403);
    await platform.http
      .put(`/loyalty/accounts/${customerId}/tier-floor`)
      .set(supervisor)
      .send({ tier: 'gold', reason: 'service-recovery' })
      .expect(200);
    await platform.processors.waitUntilCaughtUp();
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.tier).toMatchObject({
      tier: 'gold',
      tierFloor: 'gold',
      pointsToNextTier: null,
    });
  });

  it('awards an engagement bonus within its caps', async () => {
    const customerId = await enrol();
    await platform.http
      .post(`/loyalty/accounts/${customerId}/engagements`)
      .send({ rule: 'review-written', reference: 'review-1' })
      .expect(201);
    const capped = await platform.http
      .post(`/loyalty/accounts/${customerId}/engagements`)
      .send({ rule: 'review-written', reference: 'review-2' })
      .expect(409);
    expect(capped.body).toMatchObject({ error: 'loyalty.engagement-cap-reached', details: { period: 'day' } });
    await platform.http
      .post(`/loyalty/accounts/${customerId}/engagements`)
      .send({ rule: 'referral-referrer', reference: 'me' })
      .expect(400);
  });
});
