import type { Role } from '@c360/runtime';
import { randomUUID } from 'node:crypto';
import {
  answerByLink,
  type CustomerSurvey,
  type JourneyClient,
  type LoyaltyBalance,
  type SurveyMessage,
  type TicketView,
  type TimelineItem,
} from './journey-client';
import { tokenFor } from './tokens';

/**
 * The journey as an agent's tool drives it: every command and read through the GraphQL gateway, which
 * forwards each to the owning service with the caller's token. Positions come from the gateway's
 * `C360-Position` answer header (the highest position any of the operation's calls reported); reads ask
 * for them (`minPosition`). A command for a customer another context has not heard of yet (its directory
 * is projected by the processor instances, one of which is being killed) answers NOT_FOUND and writes
 * nothing: it is sent again, with a new idempotency key, as an agent's tool would after a moment.
 * One step is not the gateway's: the customer's answer to a survey goes to the surveys service's public
 * `POST /surveys/respond` (the signed link's token is its key). The gateway is the agents' front door and
 * offers no customer-facing operation (libs/surveys/api/src/graphql/surveys.graphql.ts), so this client
 * calls that route directly, as the answer page the link opens would.
 */
export class GatewayJourneyClient implements JourneyClient {
  constructor(
    private readonly gatewayUrl: string,
    /** The surveys service, for the public answer route only. */
    private readonly surveysUrl: string,
  ) {}

  async register(first: string, last: string) {
    const { data, position } = await this.mutate<{ customerId: string }>('agent', 'registerCustomer', { input: { name: { first, last } } });
    return { customerId: data.customerId, position };
  }

  async buy(customerId: string, order: { orderId: string; total: number; currency: string }, after: number) {
    void after; // sales may not know the customer yet: `mutate` sends again on NOT_FOUND
    const { data, position } = await this.mutate<{ purchaseId: string }>('system', 'recordOrder', {
      input: {
        orderId: order.orderId,
        channel: 'web',
        customerId,
        lines: [{ sku: 'smoke-1', category: 'shoes', quantity: 1, unitPrice: order.total }],
        total: order.total,
        currency: order.currency,
        purchasedAt: new Date().toISOString(),
      },
    });
    return { purchaseId: data.purchaseId, position };
  }

  async openTicket(customerId: string, subject: string, after: number) {
    void after; // as for `buy`
    const { data, position } = await this.mutate<{ ticketId: string }>('agent', 'openTicket', {
      input: {
        customerId,
        channel: 'email',
        subject,
        description: 'Opened by the distributed smoke test',
        priority: 'normal',
        category: 'billing',
      },
    });
    return { ticketId: data.ticketId, position };
  }

  async replyToTicket(ticketId: string, body: string) {
    const { data, position } = await this.mutate<{ replyId: string }>('agent', 'replyToTicket', {
      ticketId,
      input: { body, author: 'agent' },
    });
    return { replyId: data.replyId, position };
  }

  async resolveTicket(ticketId: string, resolution: string) {
    const { data, position } = await this.mutate<{ ticket: { status: string } }>('agent', 'resolveTicket', {
      ticketId,
      input: { resolution },
    });
    return { status: data.ticket.status, position };
  }

  async grantConsent(customerId: string, channel: string, purpose: string) {
    const { position } = await this.mutate('agent', 'grantConsent', {
      id: customerId,
      input: { channel, purpose, source: 'distributed-smoke' },
    });
    // Forwarded to surveys with C360-Min-Position: answers once surveys' read models have the consent.
    await this.query(
      'agent',
      `query ($customerId: ID!, $at: String) { customerSurveys(customerId: $customerId, minPosition: $at) { totalCount } }`,
      {
        customerId,
        at: String(position),
      },
    );
    return { position };
  }

  async surveyOutbox(customerId: string) {
    const { data } = await this.query<{ surveyOutbox: { items: SurveyMessage[] } }>(
      'supervisor',
      `query ($filter: JSON) { surveyOutbox(filter: $filter) }`,
      { filter: { customerId } },
    );
    return data.surveyOutbox.items;
  }

  answerSurvey(token: string, answer: { score: number; comment?: string }) {
    return answerByLink(this.surveysUrl, token, answer);
  }

  async customerSurveys(customerId: string, after: number) {
    const { data } = await this.query<{ customerSurveys: { edges: Array<{ node: CustomerSurvey }> } }>(
      'agent',
      `query ($customerId: ID!, $at: String) { customerSurveys(customerId: $customerId, minPosition: $at) { edges { node } } }`,
      { customerId, at: String(after) },
    );
    return data.customerSurveys.edges.map((edge) => edge.node);
  }

  async customerTickets(customerId: string, after: number) {
    const { data } = await this.query<{ customerTickets: { edges: Array<{ node: TicketView }> } }>(
      'agent',
      `query ($customerId: ID!, $at: String) { customerTickets(customerId: $customerId, minPosition: $at) { edges { node } } }`,
      { customerId, at: String(after) },
    );
    return data.customerTickets.edges.map((edge) => edge.node);
  }

  async loyaltyBalance(customerId: string, after: number) {
    const { data } = await this.query<{ loyaltyAccount: LoyaltyBalance }>(
      'agent',
      `query ($customerId: ID!, $at: String) { loyaltyAccount(customerId: $customerId, minPosition: $at) }`,
      { customerId, at: String(after) },
    );
    return data.loyaltyAccount;
  }

  async timeline(customerId: string, after: number) {
    const { data } = await this.query<{ customerTimeline: { edges: Array<{ node: TimelineItem }> } }>(
      'agent',
      `query ($customerId: ID!, $at: String) { customerTimeline(customerId: $customerId, limit: 100, minPosition: $at) { edges { node } } }`,
      { customerId, at: String(after) },
    );
    return data.customerTimeline.edges.map((edge) => edge.node);
  }

  /** One mutation with a fresh idempotency key; answers the owning context's state. */
  private async mutate<T>(role: Role, name: string, args: Record<string, unknown>): Promise<{ data: T; position: number }> {
    const deadline = Date.now() + CUSTOMER_KNOWN_WITHIN_MS;
    for (;;) {
      try {
        return await this.mutateOnce<T>(role, name, args);
      } catch (error) {
        if (!(error instanceof NotFoundYet) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private async mutateOnce<T>(role: Role, name: string, args: Record<string, unknown>): Promise<{ data: T; position: number }> {
    const variables = { ...args, idempotencyKey: randomUUID() };
    const declared = Object.keys(variables).map((key) => `$${key}: ${MUTATION_ARG_TYPES[key] ?? 'JSON'}`);
    const passed = Object.keys(variables).map((key) => `${key}: $${key}`);
    const document = `mutation (${declared.join(', ')}) { ${name}(${passed.join(', ')}) { state } }`;
    const { data, position } = await this.query<Record<string, { state: T }>>(role, document, variables);
    return { data: data[name].state, position };
  }

  private async query<T>(
    role: Role,
    document: string,
    variables: Record<string, unknown>,
    retry = true,
  ): Promise<{ data: T; position: number }> {
    const response = await fetch(`${this.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await tokenFor(role)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: document, variables }),
      // Longer than the services' READ_MIN_POSITION_WAIT_MS, so a read that waits answers (or times out) first.
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; rule?: string } }> };
    // A read that waited out a takeover and still missed its position: once more, as the REST client does.
    const timedOut = body.errors?.some((error) => error.extensions?.rule === 'min_position_not_reached');
    if (timedOut && retry && document.startsWith('query')) return this.query<T>(role, document, variables, false);
    if (body.errors?.some((error) => error.extensions?.code === 'NOT_FOUND') && document.startsWith('mutation'))
      throw new NotFoundYet(text.slice(0, 400));
    if (!response.ok || body.errors?.length || !body.data)
      throw new Error(`GraphQL ${document.slice(0, 80)}…: ${response.status} ${text.slice(0, 800)}`);
    return { data: body.data, position: Number(response.headers.get('c360-position') ?? -1) };
  }
}

/** The GraphQL types of the mutations' scalar arguments (everything else is the route's JSON body). */
const MUTATION_ARG_TYPES: Readonly<Record<string, string>> = {
  idempotencyKey: 'ID!',
  input: 'JSON!',
  ticketId: 'ID!',
  customerId: 'ID!',
  id: 'ID!',
};

/** How long another context may take to hear of a just-registered customer (a takeover runs meanwhile). */
const CUSTOMER_KNOWN_WITHIN_MS = 90_000;

class NotFoundYet extends Error {}
