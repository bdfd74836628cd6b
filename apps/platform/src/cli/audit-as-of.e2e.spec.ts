import { EVENT_STORE, GatewayModule } from '@c360/runtime';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { customerAsOf, type AsOfPoint, type CustomerAsOfView, type ReplayStores } from '@c360/replay';
import { projectionCheckpointName, type EventStore } from '@c360/kernel';
import { CUSTOMER_TIMELINE } from '@c360/customer360-projections';
import { platformContexts, platformModules } from '../platform-contexts';
import { crossContextJourney, type JourneyCustomers } from '../testing/cross-context-journey';
import { openScratchStore } from '@c360/store-sqlite';

/**
 * `audit as-of` folds only the customer's own streams (found through the live timeline) unless asked
 * for the population. For every customer of a journey through every context — a merge and its undo,
 * an erasure, refunds, deals, loyalty lots moved and returned — and for every position of its log and
 * a few times, the customer's streams give the very view the whole-log fold gives, but for the two
 * population-relative figures it says it leaves out.
 */
describe('audit as-of: the customer-streams fold equals the whole-log fold', () => {
  let platform: TestPlatform;
  let customers: JourneyCustomers;
  let stores: ReplayStores;
  let head: number;

  beforeAll(async () => {
    platform = await createTestPlatform({
      imports: [...platformModules(), GatewayModule.forRoot({ contexts: platformContexts, services: 'in-process' })],
    });
    platform.clock.set('2026-03-01T10:00:00.000Z');
    customers = await crossContextJourney(platform);
    const events = platform.app.get<EventStore>(EVENT_STORE);
    stores = { events, documents: platform.stores.documents, checkpoints: platform.stores.checkpoints, keys: platform.stores.keyStore };
    head = (await events.headPosition()) ?? 0;
  }, 60_000);
  afterAll(() => platform.close());

  async function asOf(customerId: string, at: AsOfPoint, population: boolean): Promise<CustomerAsOfView | { error: string }> {
    const scratch = openScratchStore('memory');
    try {
      return await customerAsOf({ contexts: platformContexts, stores, scratch, customerId, at, population });
    } catch (error) {
      return { error: (error as Error).message };
    } finally {
      await scratch.close();
    }
  }

  /** What both methods must agree on: everything but the reconstruction note and the population-relative figures. */
  function comparable(view: CustomerAsOfView | { error: string }) {
    if ('error' in view) return view;
    const { reconstruction: _note, rfm: _rfm, churnRisk, ...rest } = view;
    const reasons = churnRisk.reasons.filter((reason) => reason !== 'rfm-at-risk');
    return { ...rest, churnRisk: { atRisk: reasons.length > 0, reasons } };
  }

  it('at every position of the log, for every customer', async () => {
    let compared = 0;
    for (const customerId of Object.values(customers)) {
      for (let position = 1; position <= head; position += 3) {
        const fast = await asOf(customerId, { position }, false);
        const whole = await asOf(customerId, { position }, true);
        expect({ customerId, position, view: comparable(fast) }).toEqual({ customerId, position, view: comparable(whole) });
        if (!('error' in fast)) {
          compared += 1;
          expect(fast.reconstruction.method).toBe('customer-streams');
          expect(whole).toEqual(expect.objectContaining({ reconstruction: expect.objectContaining({ method: 'whole-log', omitted: [] }) }));
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);

  it('between the two events of a merge, the survivor already answers for the absorbed customer', async () => {
    // `customers-merged` is on the absorbed customer's stream; `customer-absorbed` follows on the survivor's, after the reactions.
    const log = (await stores.events.readAll({ after: 0, maxCount: 10_000 })).events;
    const merged = log.find((event) => event.type === 'contacts.customers-merged');
    const data = merged?.data as { survivorId: string; absorbedId: string; mergeId: string } | undefined;
    const absorbed = log.find(
      (event) => event.type === 'contacts.customer-absorbed' && (event.data as { mergeId?: string }).mergeId === data?.mergeId,
    );
    if (!merged || !data || !absorbed) throw new Error('the journey merges two customers');
    for (let position = merged.position; position < absorbed.position; position++) {
      const fast = await asOf(data.survivorId, { position }, false);
      expect({ position, view: comparable(fast) }).toEqual({ position, view: comparable(await asOf(data.survivorId, { position }, true)) });
      expect((fast as CustomerAsOfView).customerIds).toContain(data.absorbedId);
    }
  });

  it('at times, and at the head, where the view is the live one', async () => {
    for (const customerId of Object.values(customers)) {
      for (const time of ['2026-03-02T00:00:00Z', '2026-03-20T12:00:00Z', '2026-04-10T10:00:00Z', '2027-01-01T00:00:00Z']) {
        const at = { time: new Date(time) };
        expect(comparable(await asOf(customerId, at, false))).toEqual(comparable(await asOf(customerId, at, true)));
      }
    }
  });

  it('reads only the customer’s own events, and says what it leaves out', async () => {
    const view = (await asOf(customers.bob, { position: head }, false)) as CustomerAsOfView;
    expect(view.reconstruction.eventsFolded).toBeGreaterThan(0);
    expect(view.reconstruction.eventsFolded).toBeLessThan(head / 2);
    expect(view.rfm).toBeNull();
    expect(view.reconstruction.omitted.join(' ')).toContain('--with-population');
  });

  it('folds the whole log, and says why, when the live timeline has not reached the point', async () => {
    const timeline = projectionCheckpointName('customer360', CUSTOMER_TIMELINE);
    const saved = await stores.checkpoints.get(timeline);
    await stores.checkpoints.set(timeline, 1);
    try {
      const view = (await asOf(customers.ann, { position: head }, false)) as CustomerAsOfView;
      expect(view.reconstruction.method).toBe('whole-log');
      expect(view.reconstruction.reason).toContain('live timeline is at position 1');
    } finally {
      await stores.checkpoints.set(timeline, saved as number);
    }
  });

  describe('for auditors, over HTTP and GraphQL', () => {
    const auditor = authHeaders('auditor', 'auditor-ada');

    it('answers the view as of a point, says how it was made, and matches the live 360 at the head', async () => {
      const past = await platform.anonymous
        .get(`/customers/${customers.bob}/as-of`)
        .query({ at: String(head) })
        .set(auditor)
        .expect(200);
      expect(past.body.reconstruction).toEqual(expect.objectContaining({ method: 'customer-streams' }));
      const live = (await platform.as('agent').get(`/customers/${customers.bob}/360`).expect(200)).body;
      expect(past.body.lifetimeValue).toEqual(live.lifetimeValue);
      expect(past.body.loyalty).toEqual(live.loyalty);
      // Before Bob registered, there was no Bob.
      await platform.anonymous.get(`/customers/${customers.bob}/as-of`).query({ at: '2026-03-01T09:00:00Z' }).set(auditor).expect(404);
      const whole = await platform.anonymous
        .get(`/customers/${customers.bob}/as-of`)
        .query({ at: String(head), withPopulation: 'true' })
        .set(auditor)
        .expect(200);
      expect(whole.body.reconstruction).toEqual(expect.objectContaining({ method: 'whole-log', omitted: [] }));
    });

    it('is for auditors only', async () => {
      for (const role of ['agent', 'supervisor', 'admin'] as const) {
        await platform.anonymous
          .get(`/customers/${customers.bob}/as-of`)
          .query({ at: '1' })
          .set(authHeaders(role, `${role}-1`))
          .expect(403);
      }
      await platform.anonymous.get(`/customers/${customers.bob}/as-of`).query({ at: '1' }).expect(401);
    });

    it.each([[{}], [{ at: 'yesterday' }], [{ at: '2026-13-45' }], [{ at: '5', withPopulation: 'maybe' }]])(
      'refuses %j naming the field',
      async (query) => {
        const answer = await platform.anonymous.get(`/customers/${customers.bob}/as-of`).query(query).set(auditor).expect(400);
        const field = 'withPopulation' in query ? 'withPopulation' : 'at';
        expect(answer.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      },
    );

    it('is the customer360AsOf query of the gateway, refused to agents', async () => {
      const query = `query ($id: ID!, $at: String) { customer360AsOf(customerId: $id, at: $at) }`;
      const asAuditor = await platform.anonymous
        .post('/graphql')
        .set(auditor)
        .send({ query, variables: { id: customers.ann, at: '2026-03-06T00:00:00Z' } });
      expect(asAuditor.body.errors).toBeUndefined();
      expect(asAuditor.body.data.customer360AsOf).toEqual(
        expect.objectContaining({
          customerId: customers.ann,
          purchases: 1,
          reconstruction: expect.objectContaining({ method: 'customer-streams' }),
        }),
      );
      const asAgent = await platform.anonymous
        .post('/graphql')
        .set(authHeaders('agent', 'agent-ann'))
        .send({ query, variables: { id: customers.ann, at: '1' } });
      expect(asAgent.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
