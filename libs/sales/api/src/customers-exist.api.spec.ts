import type { TestPlatform } from '@c360/runtime/testing';
import { ANN, dealBody, orderBody, publishContactsEvent, salesPlatform } from './testing/sales-test-kit';

const UNKNOWN = '0190a5c4-0000-7000-8000-00000000dead';
const contractBody = (customerId: string) => ({
  customerId,
  title: 'Service plan',
  value: 10_000,
  currency: 'NOK',
  startDate: '2026-03-01',
  termMonths: 12,
});

describe('sales API: only customers that exist', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform();
  });
  afterEach(() => platform.close());

  it('refuses a purchase, a deal and a contract for an unknown id with 404 naming the field', async () => {
    for (const [path, body] of [
      ['/purchases', orderBody({ customerId: UNKNOWN })],
      ['/deals', dealBody({ customerId: UNKNOWN })],
      ['/contracts', contractBody(UNKNOWN)],
    ] as const) {
      const refused = await platform.http.post(path).send(body).expect(404);
      expect(refused.body).toMatchObject({ error: 'customer-not-found', details: { customerId: UNKNOWN, field: 'customerId' } });
    }
    const { events } = await platform.stores.eventStore.readAll({ maxCount: 1_000 });
    expect(events.filter((event) => event.type.startsWith('sales.') && event.type !== 'sales.pipeline-defined')).toEqual([]);
  });

  it('refuses an erased customer with 409 customer-erased', async () => {
    await publishContactsEvent(platform, ANN, 'contacts.customer-erased');
    const refused = await platform.http
      .post('/purchases')
      .send(orderBody({ customerId: ANN }))
      .expect(409);
    expect(refused.body.error).toBe('customer-erased');
  });

  it('accepts a customer registered a moment earlier (waits for the directory to reach the registration)', async () => {
    const fresh = '0190a5c4-0000-7000-8000-00000000f00d';
    await publishContactsEvent(platform, fresh, 'contacts.customer-registered');
    await platform.http
      .post('/purchases')
      .send(orderBody({ customerId: fresh }))
      .expect(201);
  });
});
