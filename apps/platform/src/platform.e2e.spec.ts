import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformModules } from './platform-contexts';

/**
 * The contexts together, as `npm start` runs them: a customer registered in contacts, referred by
 * another, buys in sales, and loyalty turns it into points through its durable reactions — then a
 * refund takes them back; the relay publishes it all to the analytics topics without personal data.
 * Proves the cross-context event contracts line up end to end.
 */
describe('the platform, contexts together', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules(), env: { TOPICS: 'files' } });
    platform.clock.set('2026-03-01T10:00:00.000Z');
  });
  afterEach(() => platform.close());

  const register = async (first: string, email: string): Promise<string> => {
    const response = await platform.http
      .post('/customers')
      .send({ name: { first }, emails: [email] })
      .expect(201);
    return response.body.customerId as string;
  };

  it('turns a purchase recorded in sales into pending points in loyalty, and a refund takes them back', async () => {
    const ann = await register('Ann', 'ann@example.com');
    const bob = await register('Bob', 'bob@example.com');
    await platform.http.put(`/customers/${bob}/referrer`).send({ referrerId: ann }).expect(200);

    const purchase = await platform.http
      .post('/purchases')
      .send({
        orderId: 'web-1001',
        channel: 'web',
        customerId: bob,
        lines: [{ sku: 'shoe-1', category: 'shoes', quantity: 1, unitPrice: 250_000 }],
        total: 250_000,
        currency: 'NOK',
        purchasedAt: '2026-03-01T10:00:00.000Z',
      })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();

    const account = await platform.http.get(`/loyalty/accounts/${bob}`).expect(200);
    expect(account.body.pending).toBe(20); // 10 points per full 100,000, locked for the return window
    // The referee's first purchase pays the referral bonus to both (defaults: 250 referrer, 100 referee).
    expect(account.body.spendable).toBe(100);
    const referrer = await platform.http.get(`/loyalty/accounts/${ann}`).expect(200);
    expect(referrer.body.spendable).toBe(250);

    const ledger = await platform.http.get(`/loyalty/accounts/${bob}/ledger`).expect(200);
    expect(JSON.stringify(ledger.body)).toContain('loyalty.points-earned');

    const purchaseId = purchase.body.purchaseId as string;
    const refund = await platform.http
      .post(`/purchases/${purchaseId}/refunds`)
      .send({ kind: 'refund', reason: 'too small', amount: 250_000 })
      .expect(201);
    expect(refund.body.purchase.refundable).toBe(0);
    await platform.processors.waitUntilCaughtUp();
    const afterRefund = await platform.http.get(`/loyalty/accounts/${bob}`).expect(200);
    expect(afterRefund.body.pending).toBe(0);

    // Analytics topics (files in the embedded default) carry the facts, keyed by customer, and no personal data.
    const topic = (name: string) => readFileSync(join(platform.dataDir, 'topics', `${name}.jsonl`), 'utf8');
    expect(topic('c360.contacts.v1')).toContain(bob);
    expect(topic('c360.sales.v1')).toContain('sales.purchase-refunded');
    expect(topic('c360.loyalty.v1')).toContain('loyalty.points-earned');
    for (const name of ['c360.contacts.v1', 'c360.sales.v1', 'c360.loyalty.v1']) {
      expect(topic(name)).not.toMatch(/bob@example\.com|ann@example\.com|"Bob"|"Ann"/);
    }

    const ready = await platform.http.get('/health/ready').expect(200);
    expect(ready.body.processors.every((p: { state: string }) => p.state !== 'failed')).toBe(true);
  });
});
