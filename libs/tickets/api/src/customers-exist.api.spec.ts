import { publishContactsEvent } from '@c360/contacts-contracts';
import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { ANN, BO, ticketBody, ticketsPlatform } from './testing/tickets-test-kit';

const UNKNOWN = '0190a5c4-0000-7000-8000-00000000dead';

describe('tickets API: only customers that exist', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await ticketsPlatform();
  });
  afterEach(() => platform.close());

  const ticketEvents = async () =>
    (await platform.stores.eventStore.readAll({ maxCount: 1_000 })).events.filter((event) => event.type.startsWith('tickets.ticket-'));

  it('refuses a ticket and a follow-up for an unknown id with 404 naming the field, writing nothing', async () => {
    const refused = await platform.http
      .post('/tickets')
      .send(ticketBody({ customerId: UNKNOWN }))
      .expect(404);
    expect(refused.body).toMatchObject({ error: 'customer-not-found', details: { customerId: UNKNOWN, field: 'customerId' } });
    await platform.http
      .post('/tickets/follow-ups')
      .set(authHeaders('system'))
      .send({ customerId: UNKNOWN, surveyResponseId: 'nps-unknown', score: 3 })
      .expect(404);
    expect(await ticketEvents()).toEqual([]);
  });

  it('refuses an erased customer with 409 customer-erased, and still serves the others', async () => {
    await publishContactsEvent(platform.stores.eventStore, ANN, 'contacts.customer-erased', platform.clock.now().toISOString());
    const refused = await platform.http
      .post('/tickets')
      .send(ticketBody({ customerId: ANN }))
      .expect(409);
    expect(refused.body.error).toBe('customer-erased');
    await platform.http
      .post('/tickets')
      .send(ticketBody({ customerId: BO }))
      .expect(201);
  });
});
