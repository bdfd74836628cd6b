import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '@c360/runtime/testing';
import { contractStream } from '@c360/sales-domain';
import { ANN, BO, badFields, salesPlatform, settle } from './testing/sales-test-kit';

const contractBody = (overrides: Record<string, unknown> = {}) => ({
  customerId: ANN,
  title: 'Service plan',
  value: 990_00,
  currency: 'EUR',
  startDate: '2026-01-31',
  termMonths: 1,
  ...overrides,
});

describe('contracts API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform(); // today is 2026-03-02
  });
  afterEach(() => platform.close());

  it('starts a contract with its first renewal one term on', async () => {
    const started = await platform.http.post('/contracts').send(contractBody()).expect(201);
    expect(started.body).toMatchObject({ version: 0, contract: { status: 'active', renewalDate: '2026-02-28', termMonths: 1 } });
    expect(
      badFields(
        (
          await platform.http
            .post('/contracts')
            .send(contractBody({ startDate: '2026-02-30', termMonths: 0 }))
            .expect(400)
        ).body,
      ),
    ).toEqual(['startDate', 'termMonths']);
  });

  it('renews: the sales.contract-renewed event carries what loyalty reads', async () => {
    const { contractId } = (await platform.http.post('/contracts').send(contractBody()).expect(201)).body;
    const renewed = await platform.http.post(`/contracts/${contractId}/renewal`).send({}).expect(200);
    expect(renewed.body).toMatchObject({ version: 1, contract: { renewalDate: '2026-03-31' } });
    const [, event] = await platform.stores.eventStore.readStream(contractStream(contractId));
    expect(event).toMatchObject({
      type: 'sales.contract-renewed',
      schemaVersion: 1,
      data: {
        contractId,
        customerId: ANN,
        renewedAt: '2026-03-02T09:00:00.000Z',
        renewalDate: '2026-03-31',
        value: 990_00,
        currency: 'EUR',
      },
    });
    const later = await platform.http
      .post(`/contracts/${contractId}/renewal`)
      .send({ renewalDate: '2027-03-31', value: 10_000_00 })
      .expect(200);
    expect(later.body.contract).toMatchObject({ renewalDate: '2027-03-31', value: 10_000_00 });
    expect((await platform.http.post(`/contracts/${contractId}/renewal`).send({ renewalDate: '2027-01-01' }).expect(422)).body.error).toBe(
      'sales.renewal-date-not-later',
    );
  });

  it('lapses only from the renewal date on, and a lapsed contract is not renewed', async () => {
    const { contractId } = (
      await platform.http
        .post('/contracts')
        .send(contractBody({ startDate: '2026-03-01' }))
        .expect(201)
    ).body;
    expect((await platform.http.post(`/contracts/${contractId}/lapse`).send({ reason: 'Not renewed' }).expect(409)).body.error).toBe(
      'sales.contract-not-due',
    );
    platform.clock.set('2026-04-05T00:00:00.000Z');
    await platform.http.post(`/contracts/${contractId}/lapse`).send({}).expect(400);
    const lapsed = await platform.http.post(`/contracts/${contractId}/lapse`).send({ reason: 'Not renewed' }).expect(200);
    expect(lapsed.body.contract).toMatchObject({ status: 'lapsed', lapsedAt: '2026-04-05T00:00:00.000Z' });
    expect((await platform.http.post(`/contracts/${contractId}/renewal`).send({}).expect(409)).body.error).toBe('sales.contract-lapsed');
    await settle(platform);
    expect((await platform.http.get(`/contracts/${contractId}`).expect(200)).body).toMatchObject({ status: 'lapsed', version: 1 });
  });

  it('answers 404 for an unknown contract', async () => {
    await platform.http.post(`/contracts/${randomUUID()}/renewal`).send({}).expect(404);
    await platform.http.get(`/contracts/${randomUUID()}`).expect(404);
  });

  it('lists renewals due in a date window, earliest first, paginated, overdue ones flagged', async () => {
    const start = async (startDate: string, customerId = ANN) =>
      (
        await platform.http
          .post('/contracts')
          .send(contractBody({ startDate, customerId, termMonths: 12 }))
          .expect(201)
      ).body.contractId as string;
    const overdue = await start('2025-02-15');
    const soon = await start('2025-03-20');
    const later = await start('2025-03-25', BO);
    await start('2025-06-01');
    const lapsedOne = await start('2025-02-01');
    platform.clock.set('2026-03-02T12:00:00.000Z');
    await platform.http.post(`/contracts/${lapsedOne}/lapse`).send({ reason: 'Not renewed' }).expect(200);
    await settle(platform);

    const due = await platform.http.get('/contracts/renewals-due').expect(200);
    expect(
      due.body.items.map((c: { contractId: string; renewalDate: string; daysUntilRenewal: number }) => [
        c.contractId,
        c.renewalDate,
        c.daysUntilRenewal,
      ]),
    ).toEqual([
      [overdue, '2026-02-15', -15],
      [soon, '2026-03-20', 18],
      [later, '2026-03-25', 23],
    ]);
    const window = await platform.http.get('/contracts/renewals-due').query({ from: '2026-03-01', to: '2026-03-31', limit: 1 }).expect(200);
    expect(window.body.items.map((c: { contractId: string }) => c.contractId)).toEqual([soon]);
    const next = await platform.http
      .get('/contracts/renewals-due')
      .query({ from: '2026-03-01', to: '2026-03-31', limit: 1, after: window.body.nextCursor })
      .expect(200);
    expect(next.body).toMatchObject({ items: [{ contractId: later, customerId: BO }], nextCursor: null });
    expect(
      (await platform.http.get('/contracts/renewals-due').query({ from: '2026-04-01', to: '2026-03-01' }).expect(422)).body.error,
    ).toBe('sales.invalid-window');
    expect(badFields((await platform.http.get('/contracts/renewals-due').query({ to: 'soon' }).expect(400)).body)).toEqual(['to']);
  });
});
