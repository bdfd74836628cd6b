import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

/**
 * The customer 360 read side over the real contexts: a customer registers, buys, opens a deal and
 * earns points; the unified timeline shows it all newest first with cursors and filters; a merge
 * combines two timelines and 360 documents and its undo separates them again; an erased customer's
 * entries stay without personal data.
 */
describe('customer 360: timeline and 360 document', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
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
  const buy = (customerId: string, orderId: string, total: number) =>
    platform.http
      .post('/purchases')
      .send({
        orderId,
        channel: 'web',
        customerId,
        lines: [{ sku: 'shoe-1', category: 'shoes', quantity: 1, unitPrice: total }],
        total,
        currency: 'NOK',
        purchasedAt: platform.clock.now().toISOString(),
      })
      .expect(201);
  const openDeal = (customerId: string, title: string, amount: number) =>
    platform.http
      .post('/deals')
      .send({ customerId, title, amount, currency: 'NOK', ownerId: 'agent-ann', expectedCloseDate: '2026-04-30', source: 'web' })
      .expect(201);

  it('shows every context on one timeline, newest first, with kinds, time range and cursors', async () => {
    const ann = await register('Ann', 'ann@example.com');
    await platform.http
      .post(`/customers/${ann}/consents/grants`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web' })
      .expect(201);
    platform.clock.set('2026-03-02T10:00:00.000Z');
    await buy(ann, 'web-1', 250_000);
    platform.clock.set('2026-03-03T10:00:00.000Z');
    const deal = await openDeal(ann, 'Fleet renewal', 120_000);
    await platform.processors.waitUntilCaughtUp();

    const all = await platform.http.get(`/customers/${ann}/timeline`).expect(200);
    const kinds = all.body.items.map((item: { kind: string }) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['profile', 'consent', 'purchase', 'points', 'deal', 'loyalty']));
    const times = all.body.items.map((item: { at: string }) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
    const dealEntry = all.body.items.find((item: { kind: string }) => item.kind === 'deal');
    expect(dealEntry).toMatchObject({ links: { dealId: deal.body.dealId }, detail: 'Fleet renewal', actor: { id: expect.any(String) } });
    const purchase = all.body.items.find((item: { kind: string }) => item.kind === 'purchase');
    expect(purchase.summary).toBe('Purchase web-1 (web): 2,500.00 NOK, 1 line');
    expect(JSON.stringify(all.body)).not.toContain('ann@example.com');
    expect(all.body.position).toEqual(expect.any(Number));

    const purchases = await platform.http.get(`/customers/${ann}/timeline`).query({ kind: 'purchase,deal' }).expect(200);
    expect(purchases.body.items.map((item: { kind: string }) => item.kind).sort()).toEqual(['deal', 'purchase']);
    const window = await platform.http
      .get(`/customers/${ann}/timeline`)
      .query({ from: '2026-03-02T00:00:00Z', to: '2026-03-02T23:59:59Z' })
      .expect(200);
    expect(window.body.items.every((item: { at: string }) => item.at.startsWith('2026-03-02'))).toBe(true);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await platform.http
        .get(`/customers/${ann}/timeline`)
        .query({ limit: 2, ...(after ? { after } : {}) })
        .expect(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      after = page.body.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));

    const bad = await platform.http.get(`/customers/${ann}/timeline`).query({ limit: 0, after: 'nope', from: 'yesterday' }).expect(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['after', 'from', 'limit']);
    const backwards = await platform.http
      .get(`/customers/${ann}/timeline`)
      .query({ from: '2026-03-03T00:00:00Z', to: '2026-03-01T00:00:00Z' })
      .expect(400);
    expect(backwards.body.fields[0].field).toBe('from');

    const doc = await platform.http.get(`/customers/${ann}/360`).expect(200);
    expect(doc.body).toMatchObject({
      customerId: ann,
      profile: { status: 'active', registeredAt: '2026-03-01T10:00:00.000Z' },
      consent: [{ channel: 'email', purpose: 'marketing', granted: true }],
      loyalty: { tier: 'bronze', pending: 20 },
      deals: { openCount: 1, pipelineValue: [{ currency: 'NOK', total: 120_000, weighted: 12_000 }], open: [{ title: 'Fleet renewal' }] },
      lifetimeValue: [{ currency: 'NOK', purchased: 250_000, refunded: 0, net: 250_000 }],
      purchases: 1,
      lastInteraction: { at: '2026-03-03T10:00:00.000Z', kind: 'deal' },
      rfm: { r: expect.any(Number), f: expect.any(Number), m: expect.any(Number), segment: expect.any(String) },
      churnRisk: { atRisk: false, reasons: [] },
      tickets: { tracked: true, open: [], openCount: 0, breached: 0 },
      feedback: { tracked: true, lastNps: null, lastCsat: null },
    });
    await platform.http.get('/customers/00000000-0000-7000-8000-000000000000/360').expect(404);
  });

  it('shows open tickets with their SLA state, counts a missed one as a churn signal, and puts support on the timeline', async () => {
    const ann = await register('Ann', 'ann@example.com');
    platform.clock.set('2026-03-03T09:00:00.000Z'); // a Tuesday, inside business hours
    const opened = await platform.http
      .post('/tickets')
      .send({ customerId: ann, channel: 'email', subject: 'Broken zip', description: 'It broke', priority: 'high', category: 'repair' })
      .expect(201);
    const ticketId = opened.body.ticket.ticketId as string;
    await platform.processors.waitUntilCaughtUp();

    const fresh = (await platform.http.get(`/customers/${ann}/360`).expect(200)).body;
    expect(fresh.tickets).toMatchObject({
      tracked: true,
      openCount: 1,
      breached: 0,
      open: [
        { ticketId, status: 'new', priority: 'high', category: 'repair', slaState: 'on-track', nextDue: { target: 'first-response' } },
      ],
    });
    expect(fresh.churnRisk.reasons).toEqual([]);

    platform.clock.set('2026-03-20T09:00:00.000Z'); // long past every deadline, whether or not the scheduler recorded it yet
    const late = (await platform.http.get(`/customers/${ann}/360`).expect(200)).body;
    expect(late.tickets).toMatchObject({ openCount: 1, breached: 1, open: [{ ticketId, slaState: 'breached' }] });
    expect(late.churnRisk).toMatchObject({ atRisk: true, reasons: expect.arrayContaining(['sla-breached-tickets-1']) });

    await platform.http.post(`/tickets/${ticketId}/resolve`).send({ resolution: 'Replaced' }).expect(200);
    await platform.processors.waitUntilCaughtUp();
    const resolved = (await platform.http.get(`/customers/${ann}/360`).expect(200)).body;
    expect(resolved.tickets).toMatchObject({ open: [], openCount: 0, breached: 0 });
    const timeline = (await platform.http.get(`/customers/${ann}/timeline`).query({ kind: 'ticket' }).expect(200)).body;
    expect(timeline.items.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Ticket resolved',
      'Ticket opened by email, high priority (repair)',
    ]);
  });

  it('counts every open deal when there are more than the 360 document lists', async () => {
    const bo = await register('Bo', 'bo@example.com');
    for (let n = 0; n < 52; n++) await openDeal(bo, `Deal ${n}`, 1_000);
    await platform.processors.waitUntilCaughtUp();
    const doc = (await platform.http.get(`/customers/${bo}/360`).expect(200)).body;
    expect(doc.deals.open).toHaveLength(50);
    expect(doc.deals.openCount).toBe(52);
  });

  it('combines merged customers and separates them again on undo', async () => {
    const ann = await register('Ann', 'ann@example.com');
    const annie = await register('Annie', 'annie@example.com');
    await buy(ann, 'web-1', 100_000);
    await buy(annie, 'web-2', 300_000);
    await platform.processors.waitUntilCaughtUp();
    const before = await platform.http.get(`/customers/${ann}/timeline`).expect(200);

    platform.clock.set('2026-03-05T10:00:00.000Z');
    const merge = await platform.http.post(`/customers/${ann}/merges`).send({ absorbedId: annie }).expect(201);
    await platform.processors.waitUntilCaughtUp();
    const merged = await platform.http.get(`/customers/${ann}/timeline`).expect(200);
    expect(merged.body.customerIds).toEqual([ann, annie]);
    expect(merged.body.items.filter((item: { kind: string }) => item.kind === 'purchase')).toHaveLength(2);
    const viaAbsorbed = await platform.http.get(`/customers/${annie}/timeline`).expect(200);
    expect(viaAbsorbed.body.customerId).toBe(ann);
    const doc = await platform.http.get(`/customers/${annie}/360`).expect(200);
    expect(doc.body).toMatchObject({
      customerId: ann,
      requestedId: annie,
      purchases: 2,
      lifetimeValue: [{ currency: 'NOK', net: 400_000 }],
    });

    await platform.http.post(`/customers/${ann}/merges/${merge.body.mergeId}/undo`).expect(200);
    await platform.processors.waitUntilCaughtUp();
    const undone = await platform.http.get(`/customers/${ann}/timeline`).expect(200);
    expect(undone.body.customerIds).toEqual([ann]);
    const annPurchases = undone.body.items.filter((item: { kind: string }) => item.kind === 'purchase');
    expect(annPurchases).toHaveLength(before.body.items.filter((item: { kind: string }) => item.kind === 'purchase').length);
    const separated = await platform.http.get(`/customers/${ann}/purchases`).expect(200);
    expect(separated.body.items).toHaveLength(1);
    const annieDoc = await platform.http.get(`/customers/${annie}/360`).expect(200);
    expect(annieDoc.body).toMatchObject({ customerId: annie, purchases: 1 });
  });

  it('keeps an erased customer’s entries without personal data', async () => {
    const ann = await register('Ann', 'ann@example.com');
    await openDeal(ann, 'Fleet renewal', 120_000);
    await buy(ann, 'web-1', 100_000);
    await platform.processors.waitUntilCaughtUp();
    await platform.http.post(`/customers/${ann}/erasure`).expect(200);
    await platform.processors.waitUntilCaughtUp();

    const timeline = await platform.http.get(`/customers/${ann}/timeline`).expect(200);
    expect(timeline.body.items.map((item: { kind: string }) => item.kind)).toEqual(expect.arrayContaining(['erasure', 'purchase', 'deal']));
    expect(timeline.body.items.every((item: { detail?: unknown }) => item.detail === undefined)).toBe(true);
    expect(JSON.stringify(timeline.body)).not.toMatch(/Fleet renewal|ann@example\.com|"Ann"/);
    const doc = await platform.http.get(`/customers/${ann}/360`).expect(200);
    expect(doc.body.profile.status).toBe('erased');
    expect(JSON.stringify(doc.body)).not.toMatch(/Fleet renewal/);
  });
});
