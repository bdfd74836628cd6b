import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '@c360/runtime/testing';
import { purchaseIdFor, purchaseStream } from '@c360/sales-domain';
import { ANN, BO, DAY, badFields, orderBody, salesPlatform, settle } from './testing/sales-test-kit';

describe('purchases API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform();
  });
  afterEach(() => platform.close());

  it('records an order from any channel under a purchase id derived from its order id', async () => {
    const response = await platform.http
      .post('/purchases')
      .send(orderBody({ paymentFingerprint: 'card-7f3a' }))
      .expect(201);
    const purchaseId = purchaseIdFor('web', 'W-1001');
    expect(response.body).toMatchObject({
      purchaseId,
      version: 0,
      duplicate: false,
      purchase: { total: 115_00, refundable: 115_00, channel: 'web' },
    });
    const [recorded] = await platform.stores.eventStore.readStream(purchaseStream(purchaseId));
    // The contract loyalty reads (docs: cross-context events).
    expect(recorded).toMatchObject({
      type: 'sales.purchase-recorded',
      schemaVersion: 1,
      data: {
        purchaseId,
        orderId: 'W-1001',
        customerId: ANN,
        channel: 'web',
        lines: [
          { sku: 'SHOE-42', category: 'shoes', quantity: 2, unitPrice: 50_00 },
          { sku: 'SOCK-1', category: 'accessories', quantity: 3, unitPrice: 5_00 },
        ],
        total: 115_00,
        currency: 'EUR',
        purchasedAt: '2026-03-01T15:00:00.000Z',
        paymentFingerprint: 'card-7f3a',
      },
    });
  });

  it('records the same order id twice with one effect: the repeat answers 200 with the first result', async () => {
    const first = await platform.http.post('/purchases').send(orderBody()).expect(201);
    const again = await platform.http.post('/purchases').send(orderBody()).expect(200);
    expect(again.body).toMatchObject({ purchaseId: first.body.purchaseId, version: 0, duplicate: true });
    expect(await platform.stores.eventStore.readStream(purchaseStream(first.body.purchaseId))).toHaveLength(1);
    // The same order id on another channel is another order.
    await platform.http
      .post('/purchases')
      .send(orderBody({ channel: 'store' }))
      .expect(201);
  });

  it('answers 409 when an order id already recorded comes with different contents', async () => {
    await platform.http.post('/purchases').send(orderBody()).expect(201);
    const conflict = await platform.http
      .post('/purchases')
      .send(orderBody({ lines: [{ sku: 'SHOE-42', category: 'shoes', quantity: 1, unitPrice: 50_00 }], total: 50_00 }))
      .expect(409);
    expect(conflict.body).toMatchObject({ error: 'sales.order-already-recorded', details: { orderId: 'W-1001', channel: 'web' } });
  });

  it('refuses malformed orders naming the field, and totals that do not add up', async () => {
    const head = await platform.stores.eventStore.headPosition();
    const bad = await platform.http
      .post('/purchases')
      .send(orderBody({ channel: 'fax', lines: [{ sku: 'A', category: 'x', quantity: 0, unitPrice: -1 }] }))
      .expect(400);
    expect(badFields(bad.body)).toEqual(['channel', 'lines.0.quantity', 'lines.0.unitPrice']);
    const mismatch = await platform.http
      .post('/purchases')
      .send(orderBody({ total: 100_00 }))
      .expect(422);
    expect(mismatch.body).toMatchObject({ error: 'sales.total-mismatch', details: { field: 'total', expected: 115_00 } });
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
  });

  it('refunds and returns, whole or partial, never more than was paid', async () => {
    const { purchaseId } = (await platform.http.post('/purchases').send(orderBody()).expect(201)).body;
    const returned = await platform.http
      .post(`/purchases/${purchaseId}/refunds`)
      .send({ kind: 'return', reason: 'Too small', lines: [{ sku: 'SHOE-42', quantity: 1 }] })
      .expect(201);
    expect(returned.body).toMatchObject({ version: 1, purchase: { refundedTotal: 50_00, refundable: 65_00 } });
    const tooMany = await platform.http
      .post(`/purchases/${purchaseId}/refunds`)
      .send({ kind: 'return', reason: 'x', lines: [{ sku: 'SHOE-42', quantity: 2 }] })
      .expect(409);
    expect(tooMany.body.error).toBe('sales.refund-exceeds-quantity');
    const tooMuch = await platform.http
      .post(`/purchases/${purchaseId}/refunds`)
      .send({ kind: 'refund', reason: 'x', amount: 65_01 })
      .expect(409);
    expect(tooMuch.body).toMatchObject({ error: 'sales.refund-exceeds-paid', details: { refundable: 65_00 } });
    await platform.http
      .post(`/purchases/${purchaseId}/refunds`)
      .send({ kind: 'refund', reason: 'Goodwill', amount: 65_00, refundId: 'RMA-7' })
      .expect(201);
    await platform.http.post(`/purchases/${purchaseId}/refunds`).send({ kind: 'refund', reason: 'x', amount: 1 }).expect(409);

    const events = await platform.stores.eventStore.readStream(purchaseStream(purchaseId));
    expect(events.map((e) => e.type)).toEqual(['sales.purchase-recorded', 'sales.purchase-refunded', 'sales.purchase-refunded']);
    expect(events[2].data).toMatchObject({
      purchaseId,
      orderId: 'W-1001',
      customerId: ANN,
      refundId: 'RMA-7',
      amount: 65_00,
      currency: 'EUR',
      lines: [],
      fullyRefunded: true,
    });

    await settle(platform);
    const read = await platform.http.get(`/purchases/${purchaseId}`).expect(200);
    expect(read.body).toMatchObject({
      status: 'refunded',
      refundedTotal: 115_00,
      netTotal: 0,
      refunds: [{ kind: 'return' }, { refundId: 'RMA-7' }],
    });
  });

  it('records a refund repeated with its refund id once', async () => {
    const { purchaseId } = (await platform.http.post('/purchases').send(orderBody()).expect(201)).body;
    const body = { kind: 'refund', reason: 'Late delivery', amount: 10_00, refundId: 'R-1' };
    await platform.http.post(`/purchases/${purchaseId}/refunds`).send(body).expect(201);
    const again = await platform.http.post(`/purchases/${purchaseId}/refunds`).send(body).expect(201);
    expect(again.body).toMatchObject({ duplicate: true, purchase: { refundedTotal: 10_00 } });
  });

  it('answers 404 for refunds of unknown purchases and for unknown purchases', async () => {
    expect(
      (await platform.http.post(`/purchases/${randomUUID()}/refunds`).send({ kind: 'refund', reason: 'x', amount: 1 }).expect(404)).body
        .error,
    ).toBe('sales.purchase-not-found');
    await platform.http.get(`/purchases/${randomUUID()}`).expect(404);
    await platform.http.get('/purchases/by-order/web/NOPE').expect(404);
  });

  it('shows a customer’s purchase history, newest first and paginated, and finds a purchase by order id', async () => {
    for (let i = 1; i <= 3; i++) {
      await platform.http
        .post('/purchases')
        .send(orderBody({ orderId: `W-${i}`, purchasedAt: new Date(Date.parse('2026-02-01T00:00:00Z') + i * DAY).toISOString() }))
        .expect(201);
    }
    await platform.http
      .post('/purchases')
      .send(orderBody({ orderId: 'W-9', customerId: BO }))
      .expect(201);
    await settle(platform);
    const first = await platform.http.get(`/customers/${ANN}/purchases`).query({ limit: 2 }).expect(200);
    expect(first.body.items.map((p: { orderId: string }) => p.orderId)).toEqual(['W-3', 'W-2']);
    const second = await platform.http.get(`/customers/${ANN}/purchases`).query({ limit: 2, after: first.body.nextCursor }).expect(200);
    expect(second.body).toMatchObject({ items: [{ orderId: 'W-1' }], nextCursor: null });
    expect((await platform.http.get('/purchases/by-order/web/W-2').expect(200)).body).toMatchObject({ customerId: ANN, orderId: 'W-2' });
    expect(badFields((await platform.http.get(`/customers/${ANN}/purchases`).query({ limit: 0 }).expect(400)).body)).toEqual(['limit']);
  });

  it('adds up a customer’s lifetime value net of refunds, per currency', async () => {
    const { purchaseId } = (await platform.http.post('/purchases').send(orderBody()).expect(201)).body;
    await platform.http
      .post('/purchases')
      .send(orderBody({ orderId: 'S-1', channel: 'store', currency: 'SEK' }))
      .expect(201);
    await platform.http.post(`/purchases/${purchaseId}/refunds`).send({ kind: 'refund', reason: 'x', amount: 15_00 }).expect(201);
    await settle(platform);
    const value = await platform.http.get(`/customers/${ANN}/lifetime-value`).expect(200);
    expect(value.body).toEqual({
      customerId: ANN,
      purchases: 2,
      firstPurchaseAt: '2026-03-01T15:00:00.000Z',
      lastPurchaseAt: '2026-03-01T15:00:00.000Z',
      lifetimeValue: [
        { currency: 'EUR', purchases: 1, purchased: 115_00, refunded: 15_00, net: 100_00 },
        { currency: 'SEK', purchases: 1, purchased: 115_00, refunded: 0, net: 115_00 },
      ],
    });
    expect((await platform.http.get(`/customers/${BO}/lifetime-value`).expect(200)).body).toMatchObject({
      purchases: 0,
      lifetimeValue: [],
    });
  });
});
