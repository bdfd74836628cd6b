import { randomUUID } from 'node:crypto';
import { stopAllApps, type AppProcess } from './support/app-process';
import { LEASE_TTL_MS, startCluster, type Cluster } from './support/cluster';
import { GatewayJourneyClient } from './support/gateway-journey-client';
import { RestJourneyClient, type JourneyClient } from './support/journey-client';
import { readTopicUntil } from './support/kafka-topic';
import { leaseHolders, processorsOf, waitForHolders } from './support/leases';

/**
 * Distributed mode end to end (issue 19): every app its own process on 127.0.0.1, two processor
 * instances sharing the work through leases, the relay on Kafka, read models on the MongoDB-wire server.
 * A customer journey runs across the context services, and the processor instance holding the leases
 * is SIGKILLed in the middle of it: the other must take its work over within a bounded time, and the
 * journey's effects (the loyalty reaction, the timeline, the topics) must all arrive regardless.
 */
/**
 * What a loaded two-core machine adds to the designed takeover time: the survivor takes ~38 leases on
 * FerretDB while it catches each processor up. Measured here at load average 11-14 (other suites running
 * beside): the last lease 22 s after the SIGKILL with 5 s leases; on a quiet machine about 10 s with 4 s.
 */
const TAKEOVER_SLACK_MS = 30_000;

describe('distributed mode: a customer journey across separate processes, surviving the loss of the lease holder', () => {
  let cluster: Cluster;
  let journey: JourneyClient;

  beforeAll(async () => {
    cluster = await startCluster();
    // SMOKE_JOURNEY=gateway drives it through the GraphQL gateway (started either way). It is not the
    // default yet: on the loaded two-core machine a forwarded purchase outlasted the gateway's 45 s
    // timeout in one run of three; the services' REST journey has passed every run.
    const { contacts, sales, tickets, loyalty, customer360 } = cluster.services;
    journey =
      process.env.SMOKE_JOURNEY === 'gateway'
        ? new GatewayJourneyClient(cluster.gateway.url)
        : new RestJourneyClient({
            contacts: contacts.url,
            sales: sales.url,
            tickets: tickets.url,
            loyalty: loyalty.url,
            customer360: customer360.url,
          });
  }, 240_000);
  afterAll(async () => {
    await stopAllApps();
    if (cluster) console.log(`distributed smoke: app logs in ${cluster.logDir}`);
  }, 60_000);

  it('hands the processors over when their holder dies, and the journey completes', async () => {
    const [first] = cluster.processors;
    const instances: AppProcess[] = [...cluster.processors, cluster.relay];

    // The processors every instance runs; the first instance started takes most leases. Under load some
    // change hands before the journey starts (a renewal later than the TTL), which the fence makes harmless.
    const names = (await processorsOf(first)).map((processor) => processor.name);
    expect(names).toEqual(expect.arrayContaining(['relay:processor:integration-events', 'loyalty:workflow:loyalty-sales-reactions']));

    const customer = await journey.register('Grace', 'Hopper');
    const purchase = await journey.buy(
      customer.customerId,
      { orderId: `smoke-${randomUUID()}`, total: 250_000, currency: 'NOK' },
      customer.position,
    );

    // Mid-journey: the instance holding the most leases dies without releasing any (SIGKILL to its group).
    const before = await leaseHolders(instances);
    const holder = holderOf(before, cluster.processors);
    const held = names.filter((name) => before.get(name)?.holder === holder.name);
    expect(held.length).toBeGreaterThan(0);
    await holder.kill();
    // Every processor is held again by a live instance within TTL + TTL/3 by design, plus slack for two
    // cores shared with other work (a standby's poll and its store both wait for CPU), watched from the
    // moment of the kill while the journey goes on.
    const bound = Math.round(LEASE_TTL_MS + LEASE_TTL_MS / 3 + TAKEOVER_SLACK_MS);
    const takeover = waitForHolders(
      instances,
      (holders) => names.every((name) => (holders.get(name)?.holder ?? holder.name) !== holder.name),
      bound,
    );

    // The ticket needs the tickets context's customer directory, which only the survivor can now project.
    const ticket = await journey.openTicket(customer.customerId, 'Shoes arrived in the wrong size', customer.position);
    const resolved = await journey.resolveTicket(ticket.ticketId, 'Replacement pair sent');
    expect(resolved.status).toBe('resolved');

    // ... under higher fencing tokens, so the dead holder's writes would be refused had it only frozen.
    const after = await takeover;
    console.log(
      `distributed smoke: ${held.length} leases of ${holder.name} taken over ${after.elapsedMs} ms after its SIGKILL (bound ${bound} ms)`,
    );
    for (const name of held) expect(after.holders.get(name)?.token).toBeGreaterThan(before.get(name)?.token ?? Infinity);

    // The loyalty reaction to the purchase: 20 points, pending for the return window (default program rules).
    const balance = await journey.loyaltyBalance(customer.customerId, purchase.position);
    expect(balance).toMatchObject({ spendable: 0, pending: 20 });

    // The unified timeline shows the registration, the purchase and the points.
    const timeline = await journey.timeline(customer.customerId, resolved.position);
    expect(timeline.map((item) => item.kind)).toEqual(expect.arrayContaining(['profile', 'purchase', 'points']));

    // The relay published the journey to Kafka, keyed by the customer.
    const ofCustomer = (type: string) => (records: readonly { key?: string; type: string }[]) =>
      records.some((record) => record.key === customer.customerId && record.type === type);
    const brokers = cluster.env.KAFKA_BROKERS;
    await readTopicUntil(brokers, 'c360.loyalty.v1', ofCustomer('loyalty.points-earned'), 30_000);
    const tickets = await readTopicUntil(brokers, 'c360.tickets.v1', ofCustomer('tickets.ticket-resolved'), 30_000);
    const ticketTypes = tickets.filter((record) => record.key === customer.customerId).map((record) => record.type);
    expect(ticketTypes).toEqual(expect.arrayContaining(['tickets.ticket-opened', 'tickets.ticket-resolved']));
  });
});

/** The processor instance holding the most leases. */
function holderOf(holders: Map<string, { holder: string }>, instances: readonly AppProcess[]): AppProcess {
  const counts = new Map<string, number>();
  for (const { holder } of holders.values()) counts.set(holder, (counts.get(holder) ?? 0) + 1);
  const [name] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const instance = instances.find((candidate) => candidate.name === name);
  if (!instance) throw new Error(`no instance holds a lease: ${JSON.stringify([...holders])}`);
  return instance;
}
