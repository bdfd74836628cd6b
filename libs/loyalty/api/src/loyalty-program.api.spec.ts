import { FakeClock } from '@c360/kernel/testing';
import { DEFAULT_PROGRAM_SETTINGS } from '@c360/loyalty-domain';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, publish, purchaseRecorded, settle, registeredCustomer } from './testing/loyalty-test-kit';

describe('loyalty programme API: configurable, versioned rules', () => {
  let platform: TestPlatform;

  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock: new FakeClock('2026-03-10T09:00:00.000Z') });
  });
  afterEach(() => platform.close());

  it('shows the defaults, and records a supervisor’s change as a new version that earnings then use', async () => {
    const initial = await platform.http.get('/loyalty/program').expect(200);
    expect(initial.body).toMatchObject({ version: -1, programVersion: 0, settings: DEFAULT_PROGRAM_SETTINGS });

    const spendRule = {
      ...DEFAULT_PROGRAM_SETTINGS.spendRule,
      excludedCategories: ['gift-cards'],
      tierMultipliers: { bronze: 200, silver: 200, gold: 300 },
    };
    await platform.http.put('/loyalty/program/spend-rule').send(spendRule).expect(403);
    const changed = await platform.http.put('/loyalty/program/spend-rule').set(SUPERVISOR_HEADERS).send(spendRule).expect(200);
    expect(changed.body).toMatchObject({ version: 0, programVersion: 1, changed: true });
    const unchanged = await platform.http.put('/loyalty/program/spend-rule').set(SUPERVISOR_HEADERS).send(spendRule).expect(200);
    expect(unchanged.body).toMatchObject({ version: 0, programVersion: 1, changed: false });

    const customerId = await registeredCustomer(platform);
    const purchase = purchaseRecorded(customerId, 300_000, {
      lines: [
        { sku: 'TV', category: 'electronics', quantity: 1, unitPrice: 200_000 },
        { sku: 'GC', category: 'gift-cards', quantity: 1, unitPrice: 100_000 },
      ],
    });
    await publish(platform, `sales-purchase-${purchase.purchaseId}`, 'sales.purchase-recorded', purchase);
    await settle(platform);
    const [, earned] = await platform.stores.eventStore.readStream(`loyalty-account-${customerId}`);
    expect(earned).toMatchObject({ type: 'loyalty.points-earned', data: { points: 40, programVersion: 1 } });
  });

  it('changes engagement rules, tiers and the points policy, refusing nonsense with the field named', async () => {
    await platform.http
      .put('/loyalty/program/engagement-rules/birthday')
      .set(SUPERVISOR_HEADERS)
      .send({ enabled: true, points: 150, caps: { day: null, week: null, month: null, year: 150 } })
      .expect(200);
    await platform.http
      .put('/loyalty/program/engagement-rules/lottery')
      .set(SUPERVISOR_HEADERS)
      .send({ enabled: true, points: 1, caps: { day: null, week: null, month: null, year: null } })
      .expect(400);
    const inverted = await platform.http
      .put('/loyalty/program/tiers')
      .set(SUPERVISOR_HEADERS)
      .send({ thresholds: { bronze: 0, silver: 5_000, gold: 1_000 }, windowMonths: 12, gracePeriodDays: 90 })
      .expect(422);
    expect(inverted.body).toMatchObject({ error: 'loyalty.invalid-program-settings', details: { field: 'tiers.thresholds.gold' } });
    const badShape = await platform.http
      .put('/loyalty/program/points-policy')
      .set(SUPERVISOR_HEADERS)
      .send({ returnWindowDays: -1, expiryMode: 'never' })
      .expect(400);
    expect(badShape.body.fields.map((field: { field: string }) => field.field)).toEqual(
      expect.arrayContaining(['returnWindowDays', 'expiryMode', 'expiryMonths', 'warningDays', 'restoredPointsValidityDays']),
    );
    await platform.http
      .put('/loyalty/program/points-policy')
      .set(SUPERVISOR_HEADERS)
      .send({ returnWindowDays: 30, expiryMode: 'end-of-year', expiryMonths: 12, warningDays: 14, restoredPointsValidityDays: 30 })
      .expect(200);
    const now = await platform.http.get('/loyalty/program').expect(200);
    expect(now.body).toMatchObject({
      programVersion: 2,
      settings: { engagementRules: { birthday: { points: 150 } }, points: { returnWindowDays: 30, expiryMode: 'end-of-year' } },
    });
    const events = await platform.stores.eventStore.readStream('loyalty-program-default');
    expect(events.map((event) => event.type)).toEqual(['loyalty.engagement-rule-changed', 'loyalty.points-policy-changed']);
    expect(events[0].metadata.actor).toEqual({ id: 'sup-1', role: 'supervisor' });
  });

  it('guards a change with If-Match on the programme version', async () => {
    const body = { ...DEFAULT_PROGRAM_SETTINGS.transfers, maxPointsPerTransfer: 2_000 };
    await platform.http.put('/loyalty/program/transfer-policy').set(SUPERVISOR_HEADERS).set('If-Match', '-1').send(body).expect(200);
    await platform.http
      .put('/loyalty/program/transfer-policy')
      .set(SUPERVISOR_HEADERS)
      .set('If-Match', '-1')
      .send({ ...body, maxPointsPerTransfer: 3_000 })
      .expect(409);
  });
});
