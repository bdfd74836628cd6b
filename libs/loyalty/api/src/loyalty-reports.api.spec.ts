import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, publish, purchaseRecorded, settle, registeredCustomer } from './testing/loyalty-test-kit';

describe('loyalty reports', () => {
  let platform: TestPlatform;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  const purchase = async (customerId: string) => {
    const data = purchaseRecorded(customerId, 100_000, { purchasedAt: clock.now().toISOString() });
    await publish(platform, `sales-purchase-${data.purchaseId}`, 'sales.purchase-recorded', data);
  };

  it('reward effectiveness: redemptions, points and repeat purchases within 90 days, against members who did not redeem', async () => {
    const rewardId = (
      await platform.http
        .post('/loyalty/rewards')
        .set(SUPERVISOR_HEADERS)
        .send({
          name: 'Free shipping',
          value: { kind: 'free-shipping' },
          pointsCost: 150,
          stock: null,
          validFrom: '2026-01-01T00:00:00.000Z',
          validUntil: null,
          tiers: [],
        })
        .expect(201)
    ).body.rewardId;
    const [ann, bob, cy, dan] = [
      await registeredCustomer(platform),
      await registeredCustomer(platform),
      await registeredCustomer(platform),
      await registeredCustomer(platform),
    ];
    for (const id of [ann, bob]) {
      await platform.http.post('/loyalty/accounts').send({ customerId: id }).expect(201);
      await platform.http
        .post(`/loyalty/accounts/${id}/adjustments`)
        .set(SUPERVISOR_HEADERS)
        .send({ points: 500, reason: 'migration' })
        .expect(201);
    }
    for (const id of [cy, dan]) await purchase(id);
    await settle(platform);
    for (const id of [ann, bob]) await platform.http.post(`/loyalty/rewards/${rewardId}/redemptions`).send({ customerId: id }).expect(201);
    clock.advance(10 * 86_400_000);
    await purchase(ann); // back within 90 days of the redemption
    await purchase(cy); // a repeat purchase without redeeming
    await settle(platform);

    await platform.http.get('/loyalty/reports/reward-effectiveness').expect(403);
    const early = await platform.http.get('/loyalty/reports/reward-effectiveness').set(SUPERVISOR_HEADERS).expect(200);
    expect(early.body.rewards).toEqual([
      { rewardId, name: 'Free shipping', redemptions: 2, pointsCost: 300, followedByPurchase: 1, stillOpen: 1, repeatPurchaseRate: 1 },
    ]);
    expect(early.body.nonRedeemers).toEqual({ members: 2, repeated: 1, stillOpen: 1, repeatPurchaseRate: 1 });

    clock.advance(91 * 86_400_000);
    const late = await platform.http.get('/loyalty/reports/reward-effectiveness').set(SUPERVISOR_HEADERS).expect(200);
    expect(late.body.rewards[0]).toMatchObject({ followedByPurchase: 1, stillOpen: 0, repeatPurchaseRate: 0.5 });
    expect(late.body.redeemers).toEqual({ members: 2, repeated: 1, stillOpen: 0, repeatPurchaseRate: 0.5 });
    expect(late.body.nonRedeemers).toEqual({ members: 2, repeated: 1, stillOpen: 0, repeatPurchaseRate: 0.5 });
  });

  it('lists the fraud review queue for supervisors', async () => {
    const [ann, bob] = [await registeredCustomer(platform), await registeredCustomer(platform)];
    for (const id of [ann, bob]) await platform.http.post('/loyalty/accounts').send({ customerId: id }).expect(201);
    await publish(platform, `contacts-customer-${ann}`, 'contacts.duplicate-suspected', {
      customerId: ann,
      otherCustomerId: bob,
      reasons: ['same-email'],
    });
    await settle(platform);
    await platform.http.get('/loyalty/fraud-flags').expect(403);
    const open = await platform.http.get('/loyalty/fraud-flags').set(SUPERVISOR_HEADERS).expect(200);
    expect(open.body.items.map((item: { customerId: string }) => item.customerId).sort()).toEqual([ann, bob].sort());
    expect(open.body.items[0]).toMatchObject({ reason: 'duplicate-suspected', status: 'open', details: { reasons: 'same-email' } });

    await platform.http
      .post(`/loyalty/accounts/${ann}/fraud-flags/${encodeURIComponent(`duplicate-suspected/${bob}`)}/review`)
      .set(SUPERVISOR_HEADERS)
      .send({ decision: 'clear' })
      .expect(201);
    await settle(platform);
    const cleared = await platform.http.get('/loyalty/fraud-flags?status=cleared').set(SUPERVISOR_HEADERS).expect(200);
    expect(cleared.body.items).toEqual([expect.objectContaining({ customerId: ann, status: 'cleared', reviewedBy: 'sup-1' })]);
  });
});
