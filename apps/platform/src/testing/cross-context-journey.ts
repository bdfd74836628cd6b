import { authHeaders, type TestPlatform } from '@c360/runtime/testing';

const supervisor = authHeaders('supervisor', 'sup-1');

/** The customers the journey made: Annie was merged into Ann and separated again; Carl is erased. */
export interface JourneyCustomers {
  readonly ann: string;
  readonly bob: string;
  readonly annie: string;
  readonly carl: string;
}

/**
 * A short history through every context, for specs that need all kinds of events: registrations,
 * consent, referral, purchases and a refund, deals through their life, support tickets (one open, one
 * resolved), points earned, adjusted and redeemed, a merge and its undo (loyalty lots moved and returned), an erasure, a segment defined and
 * changed. The clock moves from 2026-03-01 to 2026-04-10.
 */
export async function crossContextJourney(platform: TestPlatform): Promise<JourneyCustomers> {
  // A supervisor: the journey also defines a segment and adjusts points (the role table).
  const http = platform.as('supervisor');
  const register = async (first: string, email: string) =>
    (
      await http
        .post('/customers')
        .send({ name: { first }, emails: [email] })
        .expect(201)
    ).body.customerId as string;
  const buy = async (customerId: string, orderId: string, total: number) =>
    (
      await http
        .post('/purchases')
        .send({
          orderId,
          channel: 'web',
          customerId,
          lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: total }],
          total,
          currency: 'NOK',
          purchasedAt: platform.clock.now().toISOString(),
        })
        .expect(201)
    ).body.purchaseId as string;
  const openDeal = async (customerId: string, amount: number) =>
    (
      await http
        .post('/deals')
        .send({
          customerId,
          title: 'Fleet renewal',
          amount,
          currency: 'NOK',
          ownerId: 'agent-ann',
          expectedCloseDate: '2026-04-30',
          source: 'web',
        })
        .expect(201)
    ).body.dealId as string;

  const ann = await register('Ann', 'ann@example.com');
  const bob = await register('Bob', 'bob@example.com');
  const annie = await register('Annie', 'annie@example.com');
  const carl = await register('Carl', 'carl@example.com');
  await http.post(`/customers/${ann}/consents/grants`).send({ channel: 'email', purpose: 'marketing', source: 'web' }).expect(201);
  await http.put(`/customers/${bob}/referrer`).send({ referrerId: ann }).expect(200);
  const purchase = await buy(bob, 'web-1', 250_000);
  await buy(ann, 'web-2', 120_000);
  await buy(annie, 'web-3', 80_000);
  await buy(carl, 'web-4', 60_000);
  await platform.processors.waitUntilCaughtUp();
  platform.clock.set('2026-03-20T10:00:00.000Z');
  await http.post(`/purchases/${purchase}/refunds`).send({ kind: 'refund', reason: 'too small', amount: 50_000 }).expect(201);
  const won = await openDeal(ann, 300_000);
  await http.post(`/deals/${won}/move`).send({ stageId: 'qualified' }).expect(200);
  await http.post(`/deals/${won}/activities`).send({ kind: 'call', subject: 'Discovery call' }).expect(201);
  await http.post(`/deals/${won}/win`).send({ reason: 'price' }).expect(200);
  const lost = await openDeal(bob, 90_000);
  await http.post(`/deals/${lost}/lose`).send({ reason: 'budget' }).expect(200);
  await http.post(`/deals/${lost}/reopen`).send({}).expect(200);
  await openDeal(carl, 40_000);
  await platform.processors.waitUntilCaughtUp();
  // Support: Ann's ticket stays open with an agent on it; Bob's is resolved.
  const openTicket = async (customerId: string, priority: string) =>
    (
      await http
        .post('/tickets')
        .send({ customerId, channel: 'email', subject: 'Where is my order?', description: 'Not arrived', priority, category: 'delivery' })
        .expect(201)
    ).body.ticket.ticketId as string;
  const annTicket = await openTicket(ann, 'high');
  await http.post(`/tickets/${annTicket}/assignment`).send({ agentId: 'agent-ann', teamId: 'care' }).expect(200);
  await http.post(`/tickets/${annTicket}/replies`).send({ body: 'We are on it' }).expect(201);
  const bobTicket = await openTicket(bob, 'normal');
  await http.post(`/tickets/${bobTicket}/resolve`).send({ resolution: 'Sent again' }).expect(200);
  await http.post(`/loyalty/accounts/${ann}/adjustments`).set(supervisor).send({ points: 500, reason: 'goodwill' }).expect(201);
  await http.post(`/loyalty/accounts/${ann}/redemptions`).send({ points: 100 }).expect(201);
  platform.clock.set('2026-04-10T10:00:00.000Z');
  const merge = await http.post(`/customers/${ann}/merges`).send({ absorbedId: annie }).expect(201);
  await platform.processors.waitUntilCaughtUp();
  await http.post(`/customers/${ann}/merges/${merge.body.mergeId}/undo`).expect(200);
  await http.post(`/customers/${carl}/erasure`).expect(200);
  const segment = await http
    .post('/segments')
    .send({ name: 'Buyers', rules: [{ field: 'purchases', gte: 1 }] })
    .expect(201);
  await http
    .put(`/segments/${segment.body.segmentId}`)
    .send({ name: 'Repeat buyers', rules: [{ field: 'purchases', gte: 2 }] })
    .expect(200);
  await platform.processors.waitUntilCaughtUp();
  return { ann, bob, annie, carl };
}
