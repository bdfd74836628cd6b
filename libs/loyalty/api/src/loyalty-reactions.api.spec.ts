import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, publish, purchaseRecorded, settle, registeredCustomer } from './testing/loyalty-test-kit';

describe('loyalty reactions to sales and contacts events', () => {
  let platform: TestPlatform;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  const balance = async (customerId: string) => (await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body;
  const loyaltyEvents = async (customerId: string) => platform.stores.eventStore.readStream(`loyalty-account-${customerId}`);
  const purchase = async (customerId: string, total: number, overrides: Record<string, unknown> = {}) => {
    const data = purchaseRecorded(customerId, total, overrides);
    await publish(platform, `sales-purchase-${data.purchaseId}`, 'sales.purchase-recorded', data);
    return data;
  };

  it('earns on a recorded purchase, enrolling the customer, with the points pending for the return window', async () => {
    const customerId = await registeredCustomer(platform);
    await purchase(customerId, 250_000);
    await settle(platform);
    expect(await balance(customerId)).toMatchObject({
      status: 'active',
      spendable: 0,
      pending: 20,
      lots: [{ state: 'pending', unlockAt: '2026-03-24T09:00:00.000Z' }],
    });
    clock.set('2026-03-24T09:00:00.000Z');
    expect(await balance(customerId)).toMatchObject({ spendable: 20, pending: 0 });
  });

  it('is idempotent: replaying the reactions from the start of the log earns nothing twice', async () => {
    const customerId = await registeredCustomer(platform);
    await purchase(customerId, 250_000);
    await settle(platform);
    const runner = platform.processors.runner('loyalty:workflow:loyalty-sales-reactions');
    await runner?.stop();
    await platform.stores.checkpoints.reset('loyalty-sales-reactions');
    runner?.start();
    await settle(platform);
    const earned = (await loyaltyEvents(customerId)).filter((event) => event.type === 'loyalty.points-earned');
    expect(earned).toHaveLength(1);
    expect(earned[0].metadata).toMatchObject({ actor: { id: 'loyalty-sales-reactions', role: 'system' } });
  });

  it('takes back the points of a refund, turning what was already spent into debt', async () => {
    const customerId = await registeredCustomer(platform);
    const bought = await purchase(customerId, 500_000);
    await settle(platform);
    clock.set('2026-04-01T00:00:00.000Z');
    await platform.http.post(`/loyalty/accounts/${customerId}/redemptions`).send({ points: 40 }).expect(201);
    await publish(platform, `sales-purchase-${bought.purchaseId}`, 'sales.purchase-refunded', {
      purchaseId: bought.purchaseId,
      orderId: bought.orderId,
      customerId,
      refundId: randomUUID(),
      amount: 500_000,
      currency: 'EUR',
      lines: [],
      refundedAt: '2026-04-01T00:00:00.000Z',
      fullyRefunded: true,
    });
    await settle(platform);
    expect(await balance(customerId)).toMatchObject({ spendable: 0, debt: 40, balance: -40 });
    await platform.http
      .post(`/loyalty/accounts/${customerId}/adjustments`)
      .set(SUPERVISOR_HEADERS)
      .send({ points: 100, reason: 'goodwill' })
      .expect(201);
    await settle(platform);
    expect(await balance(customerId)).toMatchObject({ spendable: 60, debt: 0, balance: 60 });
  });

  it('pays both referral bonuses on the referee’s first purchase after the referral, once', async () => {
    const referrer = await registeredCustomer(platform);
    const referee = await registeredCustomer(platform);
    await purchase(referee, 100_000); // before the referral: does not qualify it
    await settle(platform);
    await publish(platform, `contacts-customer-${referee}`, 'contacts.customer-referred', {
      customerId: referee,
      referrerId: referrer,
      referredAt: '2026-03-10T09:00:00.000Z',
    });
    await settle(platform);
    await purchase(referee, 100_000);
    await purchase(referee, 100_000);
    await settle(platform);
    expect((await balance(referrer)).spendable).toBe(250);
    expect((await balance(referee)).lots.filter((lot: { origin: string }) => lot.origin === 'engagement')).toEqual([
      expect.objectContaining({ points: 100 }),
    ]);
  });

  it('flags a self-referral and a referral ring, and pays no bonus', async () => {
    const [ann, bob, cy] = [await registeredCustomer(platform), await registeredCustomer(platform), await registeredCustomer(platform)];
    for (const id of [ann, bob, cy]) await platform.http.post('/loyalty/accounts').send({ customerId: id }).expect(201);
    const refer = (customerId: string, referrerId: string) =>
      publish(platform, `contacts-customer-${customerId}`, 'contacts.customer-referred', {
        customerId,
        referrerId,
        referredAt: '2026-03-10T09:00:00.000Z',
      });
    // One referral at a time: referrals of one batch are recorded in parallel lanes (one per referee), and
    // a ring closed within a batch is not seen (found in issue 13, left open in ADR 0013).
    for (const [referee, referrer] of [
      [bob, ann],
      [cy, bob],
      [ann, cy], // closes the ring ann → bob → cy → ann
    ]) {
      await refer(referee, referrer);
      await settle(platform);
    }
    await purchase(ann, 100_000);
    await settle(platform);
    expect((await balance(cy)).spendable).toBe(0);
    for (const id of [ann, bob, cy]) expect((await balance(id)).openFlags).toEqual([expect.objectContaining({ reason: 'referral-ring' })]);

    const selfie = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId: selfie }).expect(201);
    await refer(selfie, selfie);
    await settle(platform);
    expect((await balance(selfie)).openFlags).toEqual([expect.objectContaining({ reason: 'self-referral' })]);
  });

  it('pays the renewal bonus when a contract is renewed', async () => {
    const customerId = await registeredCustomer(platform);
    const contractId = randomUUID();
    await publish(platform, `sales-contract-${contractId}`, 'sales.contract-renewed', {
      contractId,
      customerId,
      renewedAt: '2026-03-10T09:00:00.000Z',
      renewalDate: '2027-03-10T09:00:00.000Z',
      value: 1_200_000,
      currency: 'EUR',
    });
    await settle(platform);
    expect((await balance(customerId)).spendable).toBe(200);
  });

  it('moves the absorbed account’s lots to the survivor on a merge, routes later purchases there, and moves back on undo', async () => {
    const survivor = await registeredCustomer(platform);
    const absorbed = await registeredCustomer(platform);
    const mergeId = randomUUID();
    await platform.http.post('/loyalty/accounts').send({ customerId: survivor }).expect(201);
    await purchase(absorbed, 300_000);
    await settle(platform);
    await publish(platform, `contacts-customer-${absorbed}`, 'contacts.customers-merged', {
      mergeId,
      survivorId: survivor,
      absorbedId: absorbed,
      mergedAt: '2026-03-11T00:00:00.000Z',
    });
    await settle(platform);
    expect(await balance(absorbed)).toMatchObject({ status: 'merged', mergedInto: survivor, pending: 0 });
    expect(await balance(survivor)).toMatchObject({ pending: 30 });

    await purchase(absorbed, 100_000); // recorded under the old id
    await settle(platform);
    expect((await balance(survivor)).pending).toBe(40);

    await publish(platform, `contacts-customer-${absorbed}`, 'contacts.merge-undone', {
      mergeId,
      survivorId: survivor,
      absorbedId: absorbed,
      undoneAt: '2026-03-12T00:00:00.000Z',
    });
    await settle(platform);
    expect(await balance(absorbed)).toMatchObject({ status: 'active', pending: 30 });
    expect((await balance(survivor)).pending).toBe(10);
  });

  it('closes the account of an erased customer and never held their personal data', async () => {
    const customerId = await registeredCustomer(platform);
    await publish(platform, `contacts-customer-${customerId}`, 'contacts.customer-registered', {
      customerId,
      registeredAt: '2026-03-01T00:00:00.000Z',
      referralCode: 'ANN123',
      name: 'Ann Example',
      email: 'ann@example.com',
    });
    await purchase(customerId, 300_000, { paymentFingerprint: 'card-fp-ann', deviceId: 'device-ann' });
    await settle(platform);
    await publish(platform, `contacts-customer-${customerId}`, 'contacts.customer-erased', {
      customerId,
      erasedAt: '2026-03-12T00:00:00.000Z',
    });
    await settle(platform);
    expect(await balance(customerId)).toMatchObject({ status: 'closed', spendable: 0, pending: 0 });
    const everything = JSON.stringify(
      (await platform.stores.eventStore.readAll({ maxCount: 10_000 })).events.filter((event) => event.type.startsWith('loyalty.')),
    );
    for (const personal of ['Ann Example', 'ann@example.com', 'card-fp-ann', 'device-ann']) expect(everything).not.toContain(personal);
  });

  it('flags accounts sharing a device or payment fingerprint, and holds their redemptions until a supervisor clears them', async () => {
    const [ann, bob] = [await registeredCustomer(platform), await registeredCustomer(platform)];
    await purchase(ann, 1_000_000, { deviceId: 'device-1' });
    await purchase(bob, 1_000_000, { deviceId: 'device-1' });
    await settle(platform);
    const flags = (await balance(bob)).openFlags;
    expect(flags).toEqual([expect.objectContaining({ reason: 'shared-identity' })]);
    expect((await balance(ann)).openFlags).toEqual(flags);

    clock.set('2026-04-01T00:00:00.000Z');
    const held = await platform.http.post(`/loyalty/accounts/${bob}/redemptions`).send({ points: 50 }).expect(201);
    expect(held.body.status).toBe('held');
    await platform.http
      .post(`/loyalty/accounts/${bob}/fraud-flags/${encodeURIComponent(flags[0].flagId)}/review`)
      .send({ decision: 'clear' })
      .expect(403);
    const cleared = await platform.http
      .post(`/loyalty/accounts/${bob}/fraud-flags/${encodeURIComponent(flags[0].flagId)}/review`)
      .set(SUPERVISOR_HEADERS)
      .send({ decision: 'clear' })
      .expect(201);
    // The response answers with the use case's outcome (events stay inside the context); the log shows what it wrote.
    expect(cleared.body).toMatchObject({ outcome: 'cleared', releasedRedemptions: [held.body.redemptionId], rejectedRedemptions: [] });
    const written = (await platform.stores.eventStore.readStream(`loyalty-account-${bob}`)).slice(-2);
    expect(written.map((event) => event.type)).toEqual(['loyalty.fraud-flag-cleared', 'loyalty.held-redemption-released']);
  });

  it('flags both accounts of a suspected duplicate', async () => {
    const [ann, bob] = [await registeredCustomer(platform), await registeredCustomer(platform)];
    for (const id of [ann, bob]) await platform.http.post('/loyalty/accounts').send({ customerId: id }).expect(201);
    await publish(platform, `contacts-customer-${ann}`, 'contacts.duplicate-suspected', {
      customerId: ann,
      otherCustomerId: bob,
      reasons: ['same-phone'],
    });
    await settle(platform);
    expect((await balance(bob)).openFlags).toEqual([
      expect.objectContaining({ reason: 'duplicate-suspected', flagId: `duplicate-suspected/${ann}` }),
    ]);
  });

  it('stops on an event that breaks the agreed contract, naming it, instead of guessing', async () => {
    const eventId = await publish(platform, `sales-purchase-${randomUUID()}`, 'sales.purchase-recorded', {
      customerId: randomUUID(),
      total: 'lots',
    });
    await expect(platform.processors.waitUntilCaughtUp(2_000)).rejects.toThrow(/loyalty-sales-reactions failed/);
    const status = await platform.processors.runner('loyalty:workflow:loyalty-sales-reactions')?.status();
    expect(status).toMatchObject({ state: 'failed', failedAt: { eventId, type: 'sales.purchase-recorded' } });
    expect(status?.lastError).toContain('total must be an integer');
  });

  it("awards the survey bonus for surveys' published answer, once per invitation however often it arrives", async () => {
    const customerId = await registeredCustomer(platform);
    const invitationId = randomUUID();
    const answer = { invitationId, customerId, kind: 'nps', score: 9, category: 'promoter', answeredAt: '2026-03-03T09:00:00.000Z' };
    // The same answer delivered twice (a redelivery, a replay): one award, with the invitation as its reference.
    await publish(platform, `surveys-respondent-${customerId}`, 'surveys.answer-recorded', answer);
    await publish(platform, `surveys-respondent-${customerId}`, 'surveys.answer-recorded', answer);
    await settle(platform);
    const earned = (await loyaltyEvents(customerId)).filter((event) => event.type === 'loyalty.points-earned');
    expect(earned).toHaveLength(1);
    expect(earned[0].data).toMatchObject({ points: 20, source: { kind: 'engagement', rule: 'survey-answered', reference: invitationId } });
    expect(earned[0].metadata).toMatchObject({ actor: { id: 'loyalty-surveys-reactions', role: 'system' } });
    // A second invitation answered (the next day: the rule caps the bonus at one a day) is a second bonus.
    clock.advance(86_400_000);
    await publish(platform, `surveys-respondent-${customerId}`, 'surveys.answer-recorded', { ...answer, invitationId: randomUUID() });
    await settle(platform);
    expect((await loyaltyEvents(customerId)).filter((event) => event.type === 'loyalty.points-earned')).toHaveLength(2);
  });

  it('the interim survey-bonus endpoint is retired, and survey bonuses are no longer recorded by hand', async () => {
    const customerId = await registeredCustomer(platform);
    await platform.http.post('/loyalty/survey-answers').send({ customerId, responseId: 'resp-1' }).expect(404);
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    const refused = await platform.http
      .post(`/loyalty/accounts/${customerId}/engagements`)
      .send({ rule: 'survey-answered', reference: 'r-1' })
      .expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['rule']);
  });
});
