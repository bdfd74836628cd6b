import type { TestPlatform } from '@c360/runtime/testing';
import { dealOrderId, purchaseIdFor, purchaseStream } from '@c360/sales-domain';
import { ANN, DAY, openDeal, salesPlatform, settle } from './testing/sales-test-kit';

describe('a won deal records a purchase (process manager)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform();
  });
  afterEach(() => platform.close());

  it('puts the won deal in the customer’s purchase history, channel deal, order deal-<dealId>', async () => {
    const dealId = await openDeal(platform, { amount: 250_000 });
    platform.clock.advance(3 * DAY);
    const won = await platform.http
      .post(`/deals/${dealId}/win`)
      .set('X-Correlation-Id', 'corr-win-1')
      .send({ reason: 'Signed' })
      .expect(200);
    const wonAt = platform.clock.now().toISOString();

    await platform.processors.waitUntilCaughtUp();
    await platform.processors.waitUntilCaughtUp();
    const history = await platform.http.get(`/customers/${ANN}/purchases`).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        purchaseId: purchaseIdFor('deal', dealOrderId(dealId)),
        orderId: `deal-${dealId}`,
        channel: 'deal',
        dealId,
        customerId: ANN,
        total: 250_000,
        currency: 'EUR',
        purchasedAt: wonAt,
        lines: [{ sku: `deal-${dealId}`, category: 'deal', quantity: 1, unitPrice: 250_000 }],
      }),
    ]);

    const [recorded] = await platform.stores.eventStore.readStream(purchaseStream(purchaseIdFor('deal', dealOrderId(dealId))));
    const wonEvent = (await platform.stores.eventStore.readAll({ filter: { eventTypes: ['sales.deal-won'] } })).events[0];
    expect(wonEvent.data).toMatchObject({ dealId, customerId: ANN, amount: 250_000, currency: 'EUR', wonAt, ownerId: 'agent-ann' });
    expect(recorded.metadata).toMatchObject({
      causationId: wonEvent.id,
      correlationId: 'corr-win-1',
      actor: { id: 'sales-deal-won-purchases', role: 'system' },
    });
    expect(won.body.version).toBe(1);
  });

  it('records one purchase per deal, even when the deal is reopened and won again', async () => {
    const dealId = await openDeal(platform);
    await platform.http.post(`/deals/${dealId}/win`).send({ reason: 'Signed' }).expect(200);
    await settle(platform);
    await platform.http.post(`/deals/${dealId}/reopen`).send({ reason: 'Paperwork' }).expect(200);
    await platform.http.post(`/deals/${dealId}/win`).send({ reason: 'Signed again' }).expect(200);
    await settle(platform);
    expect(await platform.stores.eventStore.readStream(purchaseStream(purchaseIdFor('deal', dealOrderId(dealId))))).toHaveLength(1);
    expect((await platform.http.get(`/customers/${ANN}/purchases`).expect(200)).body.items).toHaveLength(1);
    expect((await platform.http.get(`/customers/${ANN}/lifetime-value`).expect(200)).body.lifetimeValue).toEqual([
      { currency: 'EUR', purchases: 1, purchased: 120_000, refunded: 0, net: 120_000 },
    ]);

    // A second win at another amount is refused by a rule (the first purchase stands): not a fault.
    await platform.http.post(`/deals/${dealId}/reopen`).send({}).expect(200);
    await platform.http.put(`/deals/${dealId}/amount`).send({ amount: 130_000, currency: 'EUR' }).expect(200);
    await platform.http.post(`/deals/${dealId}/win`).send({ reason: 'Signed, bigger' }).expect(200);
    await settle(platform);
    expect(await platform.stores.eventStore.readStream(purchaseStream(purchaseIdFor('deal', dealOrderId(dealId))))).toHaveLength(1);
    const health = await platform.http.get('/health/ready').expect(200);
    const recorder = health.body.processors.find((p: { name: string }) => p.name === 'sales:workflow:sales-deal-won-purchases');
    expect(recorder).toMatchObject({ state: 'live', lag: 0 });
    expect(recorder.lastError).toBeUndefined();
  });
});
