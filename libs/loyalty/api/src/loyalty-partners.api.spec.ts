import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { LoyaltyModule } from './loyalty.context';
import { SUPERVISOR_HEADERS, settle, registeredCustomer } from './testing/loyalty-test-kit';

describe('coalition partners', () => {
  let platform: TestPlatform;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-10T09:00:00.000Z');
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  const registerPartner = async (name = 'AirCo') => {
    const response = await platform.http.post('/loyalty/partners').set(SUPERVISOR_HEADERS).send({ name }).expect(201);
    await settle(platform);
    return response.body as { partnerId: string; apiKey: string };
  };
  const member = async () => {
    const customerId = await registeredCustomer(platform);
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    return customerId;
  };

  it('registers one partner for a request repeated with its Idempotency-Key, and does not show the key again', async () => {
    const key = { ...SUPERVISOR_HEADERS, 'Idempotency-Key': randomUUID() };
    const first = await platform.http.post('/loyalty/partners').set(key).send({ name: 'AirCo' }).expect(201);
    const again = await platform.http.post('/loyalty/partners').set(key).send({ name: 'AirCo' }).expect(409);
    expect(again.body.error).toBe('loyalty.key-already-issued');
    await settle(platform);
    const list = await platform.http.get('/loyalty/partners').set(SUPERVISOR_HEADERS).expect(200);
    expect(list.body.items.map((partner: { partnerId: string }) => partner.partnerId)).toEqual([first.body.partnerId]);
  });

  it('are registered by supervisors; the key is shown once and only its hash is stored', async () => {
    await platform.http.post('/loyalty/partners').send({ name: 'AirCo' }).expect(403);
    const { partnerId, apiKey } = await registerPartner();
    expect(apiKey).toMatch(/^lpk_[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await platform.stores.eventStore.readStream(`loyalty-partner-${partnerId}`));
    expect(stored).not.toContain(apiKey);
    const list = await platform.http.get('/loyalty/partners').set(SUPERVISOR_HEADERS).expect(200);
    expect(list.body.items).toEqual([{ partnerId, name: 'AirCo', active: true, registeredAt: '2026-03-10T09:00:00.000Z' }]);
  });

  it('refuses calls without a valid key', async () => {
    await platform.http.post('/loyalty/partner-api/earnings').send({ customerId: randomUUID(), points: 10, reference: 'x' }).expect(401);
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', 'lpk_guess')
      .send({ customerId: randomUUID(), points: 10, reference: 'x' })
      .expect(401);
  });

  it('earn and burn points for shared members, acting as the partner whatever the headers claim', async () => {
    const { partnerId, apiKey } = await registerPartner();
    const customerId = await member();
    const key = { 'X-Partner-Key': apiKey, ...SUPERVISOR_HEADERS };
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set(key)
      .send({ customerId: randomUUID(), points: 500, reference: 'flight-0' })
      .expect(404);
    await platform.http.post('/loyalty/partner-api/earnings').set(key).send({ customerId, points: 500, reference: 'flight-1' }).expect(201);
    await platform.http.post('/loyalty/partner-api/earnings').set(key).send({ customerId, points: 500, reference: 'flight-1' }).expect(409);
    clock.advance(3 * 86_400_000); // past the early-redemption window of a new account
    const burn = await platform.http
      .post('/loyalty/partner-api/redemptions')
      .set(key)
      .send({ customerId, points: 200, reference: 'upgrade-1' })
      .expect(201);
    expect(burn.body).toMatchObject({ status: 'completed', points: 200 });
    await platform.http
      .post('/loyalty/partner-api/redemptions')
      .set(key)
      .send({ customerId, points: 301, reference: 'upgrade-2' })
      .expect(409);
    await settle(platform);
    expect((await platform.http.get(`/loyalty/partner-api/members/${customerId}`).set(key).expect(200)).body).toEqual({
      customerId,
      spendable: 300,
      tier: 'bronze',
    });
    const events = await platform.stores.eventStore.readStream(`loyalty-account-${customerId}`);
    expect(events.at(-1)?.metadata.actor).toEqual({ id: partnerId, role: 'partner' });
  });

  it('cancel only their own redemptions', async () => {
    const air = await registerPartner('AirCo');
    const hotel = await registerPartner('HotelCo');
    const customerId = await member();
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', air.apiKey)
      .send({ customerId, points: 500, reference: 'f-1' })
      .expect(201);
    clock.advance(3 * 86_400_000);
    const burn = await platform.http
      .post('/loyalty/partner-api/redemptions')
      .set('X-Partner-Key', air.apiKey)
      .send({ customerId, points: 200, reference: 'u-1' })
      .expect(201);
    const path = `/loyalty/partner-api/redemptions/${burn.body.redemptionId}/cancellation`;
    await platform.http.post(path).set('X-Partner-Key', hotel.apiKey).send({ customerId }).expect(404);
    await platform.http.post(path).set('X-Partner-Key', air.apiKey).send({ customerId }).expect(201);
    await settle(platform);
    expect((await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200)).body.spendable).toBe(500);
  });

  it('report a settlement per partner and period: issued, redeemed, net', async () => {
    const air = await registerPartner('AirCo');
    const hotel = await registerPartner('HotelCo');
    const customerId = await member();
    const as = (key: string) => ({ 'X-Partner-Key': key });
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set(as(air.apiKey))
      .send({ customerId, points: 1_000, reference: 'f-1' })
      .expect(201);
    clock.set('2026-03-12T10:00:00.000Z');
    await platform.http
      .post('/loyalty/partner-api/redemptions')
      .set(as(hotel.apiKey))
      .send({ customerId, points: 300, reference: 'night-1' })
      .expect(201);
    const cancelled = await platform.http
      .post('/loyalty/partner-api/redemptions')
      .set(as(hotel.apiKey))
      .send({ customerId, points: 100, reference: 'night-2' })
      .expect(201);
    await platform.http
      .post(`/loyalty/partner-api/redemptions/${cancelled.body.redemptionId}/cancellation`)
      .set(as(hotel.apiKey))
      .send({ customerId })
      .expect(201);
    clock.set('2026-04-02T10:00:00.000Z');
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set(as(air.apiKey))
      .send({ customerId, points: 50, reference: 'f-2' })
      .expect(201);
    await settle(platform);

    const march = { from: '2026-03-01', to: '2026-03-31' };
    const airMarch = await platform.http.get('/loyalty/partner-api/settlement').query(march).set(as(air.apiKey)).expect(200);
    expect(airMarch.body).toMatchObject({ partnerId: air.partnerId, issued: 1_000, redeemed: 0, net: 1_000 });
    const hotelMarch = await platform.http
      .get(`/loyalty/partners/${hotel.partnerId}/settlement`)
      .query(march)
      .set(SUPERVISOR_HEADERS)
      .expect(200);
    expect(hotelMarch.body).toMatchObject({ issued: 0, redeemed: 300, net: -300, days: [{ day: '2026-03-12', issued: 0, redeemed: 300 }] });
    const airSpring = await platform.http
      .get('/loyalty/partner-api/settlement')
      .query({ from: '2026-03-01', to: '2026-04-30' })
      .set(as(air.apiKey))
      .expect(200);
    expect(airSpring.body).toMatchObject({ issued: 1_050, net: 1_050 });
    await platform.http.get(`/loyalty/partners/${hotel.partnerId}/settlement`).query(march).expect(403);
    await platform.http.get('/loyalty/partner-api/settlement').query({ from: 'March', to: '2026-03-31' }).set(as(air.apiKey)).expect(400);
  });

  it('stop accepting a key once it is rotated or the partner deactivated', async () => {
    const { partnerId, apiKey } = await registerPartner();
    const customerId = await member();
    const rotated = await platform.http.post(`/loyalty/partners/${partnerId}/key-rotation`).set(SUPERVISOR_HEADERS).expect(201);
    await settle(platform);
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', apiKey)
      .send({ customerId, points: 1, reference: 'a' })
      .expect(401);
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', rotated.body.apiKey)
      .send({ customerId, points: 1, reference: 'a' })
      .expect(201);
    await platform.http.post(`/loyalty/partners/${partnerId}/deactivation`).set(SUPERVISOR_HEADERS).expect(201);
    await settle(platform);
    await platform.http
      .post('/loyalty/partner-api/earnings')
      .set('X-Partner-Key', rotated.body.apiKey)
      .send({ customerId, points: 1, reference: 'b' })
      .expect(401);
  });
});
