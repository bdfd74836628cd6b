import { FakeClock } from '@c360/kernel/testing';
import { LoyaltyScheduler } from '@c360/loyalty-application';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, SYSTEM_HEADERS, publish, purchaseRecorded, registeredCustomer, settle } from './testing/loyalty-test-kit';

/** Time-driven rules, driven by a FakeClock: no real timers (the interval is off under NODE_ENV=test). */
describe('loyalty scheduler', () => {
  let platform: TestPlatform;
  let clock: FakeClock;
  let scheduler: LoyaltyScheduler;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
    scheduler = platform.app.get(LoyaltyScheduler);
  });
  afterEach(() => platform.close());

  const ledgerTypes = async (customerId: string) =>
    (await platform.http.get(`/loyalty/accounts/${customerId}/ledger?limit=200`).expect(200)).body.items
      .map((entry: { type: string }) => entry.type)
      .reverse();
  const run = async () => {
    const result = await scheduler.runOnce();
    await settle(platform);
    return result;
  };

  it('unlocks, warns and expires lots when they are due, and only then', async () => {
    const customerId = await registeredCustomer(platform);
    const data = purchaseRecorded(customerId, 1_000_000);
    await publish(platform, `sales-purchase-${data.purchaseId}`, 'sales.purchase-recorded', data);
    await settle(platform);

    expect(await run()).toMatchObject({ accounts: 0, events: 0 });
    clock.set('2026-03-24T08:59:59.999Z');
    expect((await run()).events).toBe(0);
    clock.set('2026-03-24T09:00:00.000Z');
    expect(await run()).toMatchObject({ accounts: 1, events: 1 });
    expect((await ledgerTypes(customerId)).at(-1)).toBe('loyalty.points-unlocked');

    clock.set('2027-02-22T09:00:00.000Z'); // 30 days before 2027-03-24
    await run();
    expect((await ledgerTypes(customerId)).at(-1)).toBe('loyalty.expiry-warning-issued');
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.expiringSoon).toEqual([
      { expiresAt: '2027-03-24T09:00:00.000Z', points: 100 },
    ]);

    clock.set('2027-03-24T09:00:00.000Z');
    await run();
    expect((await ledgerTypes(customerId)).at(-1)).toBe('loyalty.points-expired');
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body).toMatchObject({ spendable: 0, pending: 0 });
    expect(await run()).toMatchObject({ accounts: 0 });
  });

  it('reviews tiers: a grace period first, the downgrade at its end', async () => {
    const customerId = await registeredCustomer(platform);
    const data = purchaseRecorded(customerId, 12_000_000);
    await publish(platform, `sales-purchase-${data.purchaseId}`, 'sales.purchase-recorded', data);
    await settle(platform);
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.tier).toMatchObject({
      tier: 'silver',
      tierAtRiskFrom: '2027-03-10T09:00:00.000Z',
    });

    clock.set('2027-03-10T09:00:00.000Z');
    await run();
    const inGrace = (await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.tier;
    expect(inGrace).toMatchObject({ tier: 'silver', graceEndsAt: '2027-06-08T09:00:00.000Z', pointsToKeepTier: 1_000 });

    clock.set('2027-06-08T09:00:00.000Z');
    await run();
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.tier).toMatchObject({
      tier: 'bronze',
      graceEndsAt: null,
    });
    expect(await ledgerTypes(customerId)).toContain('loyalty.tier-changed');
  });

  it('repeats nothing when run twice before the read model caught up', async () => {
    const customerId = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    await platform.http
      .post(`/loyalty/accounts/${customerId}/adjustments`)
      .set(SUPERVISOR_HEADERS)
      .send({ points: 10, reason: 'goodwill' })
      .expect(201);
    await settle(platform);
    clock.set('2027-03-10T09:00:00.000Z');
    const [first, second] = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    expect(second).toBe(first);
    const again = await scheduler.runOnce(); // the read model may still show the old due date
    expect(again.events).toBe(0);
    const expired = (await platform.stores.eventStore.readStream(`loyalty-account-${customerId}`)).filter(
      (event) => event.type === 'loyalty.points-expired',
    );
    expect(expired).toHaveLength(1);
  });

  it('can be run through the API by an operator', async () => {
    await platform.http.post('/loyalty/scheduler/runs').expect(403);
    const response = await platform.http.post('/loyalty/scheduler/runs').set(SYSTEM_HEADERS).expect(201);
    expect(response.body).toMatchObject({ asOf: '2026-03-10T09:00:00.000Z', accounts: 0, failed: 0 });
  });
});
