import { CommandHandler, uuidv7 } from '@c360/kernel';
import { FakeClock } from '@c360/kernel/testing';
import { LoyaltyScheduler, rewardStream } from '@c360/loyalty-application';
import { DEFAULT_PROGRAM_SETTINGS, loyaltyAccount, loyaltyReward } from '@c360/loyalty-domain';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, settle, registeredCustomer } from './testing/loyalty-test-kit';

describe('rewards catalogue and reward redemptions', () => {
  let platform: TestPlatform;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  const terms = (overrides: Record<string, unknown> = {}) => ({
    name: '10 % off your next order',
    value: { kind: 'percentage-discount', percent: 10 },
    pointsCost: 200,
    stock: 2,
    validFrom: '2026-03-01T00:00:00.000Z',
    validUntil: null,
    tiers: [],
    ...overrides,
  });
  const createReward = async (overrides: Record<string, unknown> = {}) =>
    (await platform.http.post('/loyalty/rewards').set(SUPERVISOR_HEADERS).send(terms(overrides)).expect(201)).body.rewardId as string;
  const member = async (points: number) => {
    const customerId = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    if (points > 0)
      await platform.http
        .post(`/loyalty/accounts/${customerId}/adjustments`)
        .set(SUPERVISOR_HEADERS)
        .send({ points, reason: 'migration' })
        .expect(201);
    return customerId;
  };
  const balance = async (customerId: string) => {
    await settle(platform);
    return (await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body;
  };
  const reward = async (rewardId: string) => {
    await settle(platform);
    return (await platform.http.get(`/loyalty/rewards/${rewardId}`).expect(200)).body;
  };

  it('creates one reward for a request repeated with its Idempotency-Key', async () => {
    const key = { ...SUPERVISOR_HEADERS, 'Idempotency-Key': randomUUID() };
    const first = await platform.http.post('/loyalty/rewards').set(key).send(terms()).expect(201);
    const again = await platform.http.post('/loyalty/rewards').set(key).send(terms()).expect(201);
    expect(again.body).toEqual(first.body);
    await settle(platform);
    const list = await platform.http.get('/loyalty/rewards').expect(200);
    expect(list.body.items.map((item: { rewardId: string }) => item.rewardId)).toEqual([first.body.rewardId]);
  });

  it('is managed by supervisors and listed without internals', async () => {
    await platform.http.post('/loyalty/rewards').send(terms()).expect(403);
    const bad = await platform.http
      .post('/loyalty/rewards')
      .set(SUPERVISOR_HEADERS)
      .send(terms({ value: { kind: 'percentage-discount', percent: 150 } }))
      .expect(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field)).toEqual(['value.percent']);
    const rewardId = await createReward();
    await createReward({ name: 'Gold lounge', tiers: ['gold'], pointsCost: 900 });
    await settle(platform);
    const all = await platform.http.get('/loyalty/rewards').expect(200);
    expect(all.body.items.map((item: { name: string }) => item.name)).toEqual(['10 % off your next order', 'Gold lounge']);
    expect(all.body.items[0]).toEqual(expect.not.objectContaining({ state: expect.anything() }));
    const forBronze = await platform.http.get('/loyalty/rewards?tier=bronze').expect(200);
    expect(forBronze.body.items.map((item: { rewardId: string }) => item.rewardId)).toEqual([rewardId]);
  });

  it('redeems: debits the points, takes a unit of stock, and refuses without touching points when none is left', async () => {
    const rewardId = await createReward();
    const customerId = await member(1_000);
    for (let i = 0; i < 2; i++) {
      const redeemed = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId }).expect(201);
      expect(redeemed.body).toMatchObject({ status: 'completed', pointsCost: 200, couponCode: null });
    }
    const soldOut = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId }).expect(409);
    expect(soldOut.body.error).toBe('loyalty.reward-out-of-stock');
    expect((await balance(customerId)).spendable).toBe(600);
    expect(await reward(rewardId)).toMatchObject({ stockLeft: 0, redemptions: 2 });
    const list = await platform.http.get(`/loyalty/accounts/${customerId}/reward-redemptions`).expect(200);
    expect(list.body.items.map((item: { status: string }) => item.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('gives the unit back when the points are not enough (compensation)', async () => {
    const rewardId = await createReward({ stock: 1 });
    const poor = await member(100);
    const refused = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: poor }).expect(409);
    expect(refused.body.error).toBe('loyalty.insufficient-points');
    expect(await reward(rewardId)).toMatchObject({ stockLeft: 1, redemptions: 0 });
    const rich = await member(300);
    await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: rich }).expect(201);
  });

  it('issues each coupon code once; cancelling restores the points and voids the code', async () => {
    const rewardId = await createReward({ value: { kind: 'coupon', description: 'Cinema voucher' }, stock: null });
    await platform.http
      .post(`/loyalty/rewards/${rewardId}/coupon-codes`)
      .set(SUPERVISOR_HEADERS)
      .send({ codes: ['CINE-0001', 'CINE-0002'] })
      .expect(201);
    const [ann, bob, cy] = [await member(500), await member(500), await member(500)];
    const first = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: ann }).expect(201);
    const second = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: bob }).expect(201);
    expect([first.body.couponCode, second.body.couponCode]).toEqual(['CINE-0001', 'CINE-0002']);
    await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: cy }).expect(409);

    await platform.http.post(`/loyalty/accounts/${ann}/redemptions/${first.body.redemptionId}/cancellation`).expect(201);
    expect((await balance(ann)).spendable).toBe(500);
    expect(await reward(rewardId)).toMatchObject({ couponsLeft: 0 });
    const list = await platform.http.get(`/loyalty/accounts/${ann}/reward-redemptions`).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'cancelled', couponCode: 'CINE-0001' });
  });

  it('keeps tier-restricted rewards for their tiers', async () => {
    const rewardId = await createReward({ tiers: ['gold'] });
    const customerId = await member(500);
    const refused = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId }).expect(403);
    expect(refused.body.error).toBe('loyalty.reward-tier-restricted');
  });

  it('returns the first outcome for a repeated Idempotency-Key', async () => {
    const rewardId = await createReward();
    const customerId = await member(1_000);
    const key = randomUUID();
    const first = await platform.http
      .post(`/loyalty/rewards/${rewardId}/redemptions`)
      .set('Idempotency-Key', key)
      .send({ customerId })
      .expect(201);
    const again = await platform.http
      .post(`/loyalty/rewards/${rewardId}/redemptions`)
      .set('Idempotency-Key', key)
      .send({ customerId })
      .expect(201);
    expect(again.body.redemptionId).toBe(first.body.redemptionId);
    expect((await balance(customerId)).spendable).toBe(800);
  });

  it('never gives more units than the stock, nor takes points for units not given, under concurrent redemptions', async () => {
    const rewardId = await createReward({ stock: 5 });
    const members = await Promise.all(Array.from({ length: 12 }, () => member(250)));
    const responses = await Promise.all(
      members.map((customerId) => platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId })),
    );
    const completed = responses.filter((response) => response.status === 201);
    expect(completed).toHaveLength(5);
    for (const response of responses.filter((candidate) => candidate.status !== 201))
      expect(response.body.error).toBe('loyalty.reward-out-of-stock');
    const spendables = await Promise.all(members.map(async (customerId) => (await balance(customerId)).spendable));
    expect(spendables.filter((points) => points === 50)).toHaveLength(5);
    expect(spendables.filter((points) => points === 250)).toHaveLength(7);
  });

  it('holds the reward of an account under review until a supervisor clears the flag', async () => {
    const rewardId = await createReward({ value: { kind: 'coupon', description: 'Voucher' }, stock: null });
    await platform.http
      .post(`/loyalty/rewards/${rewardId}/coupon-codes`)
      .set(SUPERVISOR_HEADERS)
      .send({ codes: ['HOLD-0001'] })
      .expect(201);
    const customerId = await member(500);
    const handler = platform.app.get(CommandHandler);
    await handler.handle(
      loyaltyAccount,
      `loyalty-account-${customerId}`,
      { type: 'raise-fraud-flag', flagId: 'shared-identity/x', reason: 'shared-identity', details: {}, now: clock.now().toISOString() },
      { commandId: uuidv7(), actor: { id: 'test', role: 'system' } },
    );
    const held = await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId }).expect(201);
    expect(held.body).toMatchObject({ status: 'held', couponCode: null });
    expect(await balance(customerId)).toMatchObject({ spendable: 300, held: 200 });
    await platform.http
      .post(`/loyalty/accounts/${customerId}/fraud-flags/${encodeURIComponent('shared-identity/x')}/review`)
      .set(SUPERVISOR_HEADERS)
      .send({ decision: 'clear' })
      .expect(201);
    await settle(platform);
    const list = await platform.http.get(`/loyalty/accounts/${customerId}/reward-redemptions`).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'confirmed', couponCode: 'HOLD-0001' });
  });

  it('settles reservations left behind by a request that died between its steps', async () => {
    const rewardId = await createReward({ stock: 2 });
    const customerId = await member(500);
    const handler = platform.app.get(CommandHandler);
    const system = () => ({ commandId: uuidv7(), actor: { id: 'test', role: 'system' as const } });
    // Died after reserving: no debit. And died after debiting: no confirmation.
    const [lost, debited] = [uuidv7(), uuidv7()];
    for (const redemptionId of [lost, debited]) {
      await handler.handle(
        loyaltyReward,
        rewardStream(rewardId),
        { type: 'reserve-reward', redemptionId, customerId, customerTier: 'bronze', now: clock.now().toISOString() },
        system(),
      );
    }
    await handler.handle(
      loyaltyAccount,
      `loyalty-account-${customerId}`,
      {
        type: 'redeem-points',
        redemptionId: debited,
        points: 200,
        purpose: { kind: 'reward', rewardId },
        now: clock.now().toISOString(),
        program: DEFAULT_PROGRAM_SETTINGS,
      },
      system(),
    );
    await settle(platform);
    const scheduler = platform.app.get(LoyaltyScheduler);
    expect((await scheduler.runOnce()).abandonedReservations).toBe(0);
    clock.advance(16 * 60_000);
    expect((await scheduler.runOnce()).abandonedReservations).toBe(2);
    expect(await reward(rewardId)).toMatchObject({ stockLeft: 1, redemptions: 1 });
    expect((await balance(customerId)).spendable).toBe(300);
    // The lost request can no longer debit: its id is void on the account.
    await expect(
      handler.handle(
        loyaltyAccount,
        `loyalty-account-${customerId}`,
        {
          type: 'redeem-points',
          redemptionId: lost,
          points: 200,
          purpose: { kind: 'reward', rewardId },
          now: clock.now().toISOString(),
          program: DEFAULT_PROGRAM_SETTINGS,
        },
        system(),
      ),
    ).rejects.toMatchObject({ code: 'loyalty.redemption-exists' });
  });
});
