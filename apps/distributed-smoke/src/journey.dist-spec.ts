import { randomUUID } from 'node:crypto';
import { stopAllApps, type AppProcess } from './support/app-process';
import { LEASE_TTL_MS, startCluster, type Cluster } from './support/cluster';
import { GatewayJourneyClient } from './support/gateway-journey-client';
import { RestJourneyClient, type JourneyClient } from './support/journey-client';
import { readTopicUntil } from './support/kafka-topic';
import { leaseHolders, processorsOf, waitForHolders } from './support/leases';
import { pollUntil } from './support/poll';

/**
 * Distributed mode end to end (issue 19): every app its own process on 127.0.0.1, two processor
 * instances sharing the work through leases, the relay on Kafka, read models on the MongoDB-wire server.
 * A customer journey runs across the context services, and the processor instance holding the leases
 * is SIGKILLed in the middle of it: the other must take its work over within a bounded time, and the
 * journey's effects (the loyalty reactions, the timeline, the topics) must all arrive regardless.
 *
 * The journey: register a customer and record their consent to service emails; buy; (the lease holder
 * dies) open a ticket, reply as an agent and resolve it; surveys then sends one CSAT invitation for the
 * ticket, delivered to the outbox with a signed link; the customer answers through the link with a CSAT
 * of 2 and a comment (a second answer to the same link is refused); the answer is on the profile and the
 * timeline, it opens a high-priority follow-up ticket whose opening comes back onto the answer (the
 * closed loop), loyalty awards the survey bonus beside the purchase's points, and the relay publishes
 * the purchase's points, the ticket and the answer to Kafka.
 */
/**
 * How long a reaction chain may take after the command that starts it (the CSAT after a resolution, the
 * follow-up ticket after a low answer, the survey bonus): a few processors in turn on the survivor, which
 * may still be catching up after the takeover. Measured here: a few seconds; the bound is for load.
 */
const REACTION_WITHIN_MS = 60_000;
/** The CSAT score the customer gives: 1–2 is "dissatisfied" and opens a follow-up ticket (docs/contexts/surveys.md). */
const LOW_CSAT = 2;
/** The survey bonus of the default program rules (`survey-answered`: 20 points, spendable at once). */
const SURVEY_BONUS = 20;

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
    // default yet: on the loaded two-core machine a forwarded purchase once outlasted the gateway's 45 s
    // timeout. The likely cause, the services' checkpoint watchers piling reads up in their FerretDB pools
    // (up to 100 connections each), is fixed (one read at a time per watcher); make it the default once
    // it has passed under load as often as the REST journey.
    const { contacts, sales, tickets, loyalty, customer360, surveys } = cluster.services;
    journey =
      process.env.SMOKE_JOURNEY === 'gateway'
        ? new GatewayJourneyClient(cluster.gateway.url, surveys.url)
        : new RestJourneyClient({
            contacts: contacts.url,
            sales: sales.url,
            tickets: tickets.url,
            loyalty: loyalty.url,
            customer360: customer360.url,
            surveys: surveys.url,
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
    // The CSAT after a ticket asks by email for a service purpose (SURVEYS_CSAT_CHANNEL, default email):
    // without this consent at send time surveys would send nothing.
    await journey.grantConsent(customer.customerId, 'email', 'service');
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
    // An agent's reply before the resolution is what makes a resolved ticket worth a CSAT survey.
    const ticket = await journey.openTicket(customer.customerId, 'Shoes arrived in the wrong size', customer.position);
    await journey.replyToTicket(ticket.ticketId, 'Sorry about that: a replacement pair is on its way');
    const resolved = await journey.resolveTicket(ticket.ticketId, 'Replacement pair sent');
    expect(resolved.status).toBe('resolved');

    // ... under higher fencing tokens, so the dead holder's writes would be refused had it only frozen.
    const after = await takeover;
    console.log(
      `distributed smoke: ${held.length} leases of ${holder.name} taken over ${after.elapsedMs} ms after its SIGKILL (bound ${bound} ms)`,
    );
    for (const name of held) expect(after.holders.get(name)?.token).toBeGreaterThan(before.get(name)?.token ?? Infinity);

    // The resolution sends one CSAT invitation for the ticket (surveys' ticket reactions), which the
    // delivery processor renders with its signed link into the outbox.
    const invited = await pollUntil(
      `the CSAT invitation for ticket ${ticket.ticketId} in the surveys outbox`,
      REACTION_WITHIN_MS,
      () => journey.surveyOutbox(customer.customerId),
      (messages) => (messages.some((message) => message.kind === 'csat') ? messages : undefined),
    );
    expect(invited.value).toHaveLength(1);
    const [message] = invited.value;
    expect(message).toMatchObject({ customerId: customer.customerId, kind: 'csat', channel: 'email' });
    const token = /[?&]token=([\w-]+\.[\w-]+\.[\w-]+)/.exec(message.body)?.[1];
    if (!token) throw new Error(`no answer link with a token in the CSAT message: ${message.body}`);

    // The customer answers through the link: a low CSAT with a comment. Once only.
    const comment = 'The replacement took a week to arrive';
    const answered = await journey.answerSurvey(token, { score: LOW_CSAT, comment });
    expect(answered).toMatchObject({ status: 201, body: { recorded: true, kind: 'csat', category: 'dissatisfied' } });
    const again = await journey.answerSurvey(token, { score: 5 });
    expect(again).toMatchObject({ status: 409, body: { error: 'surveys.already-answered' } });

    // On the profile: the answer about that ticket, its comment opened for staff (the customer's key is shared).
    const surveys = await journey.customerSurveys(customer.customerId, answered.position);
    expect(surveys).toEqual([
      expect.objectContaining({
        invitationId: message.invitationId,
        templateId: 'csat-default',
        ticketId: ticket.ticketId,
        status: 'answered',
        score: LOW_CSAT,
        category: 'dissatisfied',
        comment,
      }),
    ]);

    // The closed loop: tickets opens one high-priority follow-up ticket for the answer, and its opening
    // comes back onto the answer.
    const followUp = await pollUntil(
      `the follow-up ticket for invitation ${message.invitationId}`,
      REACTION_WITHIN_MS,
      () => journey.customerTickets(customer.customerId, answered.position),
      (tickets) => tickets.find((candidate) => candidate.followUp?.surveyResponseId === message.invitationId),
    );
    expect(followUp.value).toMatchObject({ customerId: customer.customerId, priority: 'high', followUp: { score: LOW_CSAT } });
    await pollUntil(
      `the follow-up ticket ${followUp.value.ticketId} recorded on the answer`,
      REACTION_WITHIN_MS,
      () => journey.customerSurveys(customer.customerId, answered.position),
      (items) => {
        const answer = items.find((item) => item.invitationId === message.invitationId);
        return answer?.followUp?.ticketId === followUp.value.ticketId ? answer : undefined;
      },
    );

    // Loyalty's two reactions: 20 points for the purchase, pending for the return window, and the survey
    // bonus, spendable at once (default program rules). Neither has a position to ask for: they are
    // appended by loyalty's workflows after the purchase and the answer.
    const balance = await pollUntil(
      `loyalty's purchase points and survey bonus for ${customer.customerId}`,
      REACTION_WITHIN_MS,
      () => journey.loyaltyBalance(customer.customerId, Math.max(purchase.position, answered.position)),
      (account) => (account.pending > 0 && account.spendable > 0 ? account : undefined),
    );
    expect(balance.value).toMatchObject({ spendable: SURVEY_BONUS, pending: 20 });

    // The unified timeline shows the registration, the purchase, the points and the answer.
    const timeline = await journey.timeline(customer.customerId, Math.max(resolved.position, answered.position));
    expect(timeline.map((item) => item.kind)).toEqual(expect.arrayContaining(['profile', 'purchase', 'points', 'survey']));

    // The relay published the journey to Kafka, keyed by the customer.
    const ofCustomer = (type: string) => (records: readonly { key?: string; type: string }[]) =>
      records.some((record) => record.key === customer.customerId && record.type === type);
    const brokers = cluster.env.KAFKA_BROKERS;
    const [tickets] = await Promise.all([
      readTopicUntil(brokers, 'c360.tickets.v1', ofCustomer('tickets.ticket-resolved'), 30_000),
      readTopicUntil(brokers, 'c360.loyalty.v1', ofCustomer('loyalty.points-earned'), 30_000),
      readTopicUntil(brokers, 'c360.surveys.v1', ofCustomer('surveys.answer-recorded'), 30_000),
    ]);
    const ticketTypes = tickets.filter((record) => record.key === customer.customerId).map((record) => record.type);
    expect(ticketTypes).toEqual(expect.arrayContaining(['tickets.ticket-opened', 'tickets.ticket-resolved']));
    console.log(
      `distributed smoke: CSAT in the outbox ${invited.elapsedMs} ms after the takeover, follow-up ticket ${followUp.elapsedMs} ms after the answer`,
    );
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
