import type { Role } from '@c360/runtime';
import { tokenFor } from './tokens';

/** What a command answered, with the log position its appends reached (`C360-Position`). */
export type Written<T> = T & { readonly position: number };

export interface LoyaltyBalance {
  readonly spendable: number;
  readonly pending: number;
  readonly balance: number;
}

export interface TimelineItem {
  readonly kind: string;
  readonly summary: string;
  readonly at: string;
}

/** A message the surveys outbox notifier delivered (`GET /surveys/outbox`): the customer's invitation. */
export interface SurveyMessage {
  readonly messageId: string;
  readonly invitationId: string;
  readonly customerId: string;
  readonly kind: string;
  readonly channel: string;
  /** The template's words with the answer link (`…?token=<JWS>`) in place of `{link}`. */
  readonly body: string;
}

/** An invitation on the customer's profile (`GET /customers/:id/surveys`), with its answer and follow-up. */
export interface CustomerSurvey {
  readonly invitationId: string;
  readonly templateId: string;
  readonly kind: string;
  readonly ticketId: string | null;
  readonly status: 'sent' | 'answered';
  readonly score: number | null;
  readonly category: string | null;
  readonly comment: unknown;
  readonly followUp: { readonly status: string; readonly ticketId: string | null } | null;
}

/** A ticket as tickets' read model shows it; `followUp` names the survey answer it follows up. */
export interface TicketView {
  readonly ticketId: string;
  readonly customerId: string;
  readonly status: string;
  readonly priority: string;
  readonly followUp: { readonly surveyResponseId: string; readonly score: number } | null;
}

/** What the public answer route said, refusals included (they are part of what the journey checks). */
export interface SurveyAnswerResponse {
  readonly status: number;
  readonly body: { readonly recorded?: boolean; readonly kind?: string; readonly category?: string | null; readonly error?: string };
  readonly position: number;
}

/**
 * The customer journey as the smoke test drives it, independent of the transport: today the context
 * services' REST APIs (`RestJourneyClient`, the default) or the GraphQL gateway (`GatewayJourneyClient`,
 * `SMOKE_JOURNEY=gateway`).
 * Every read takes the position of the writes it must see (read-your-writes across processes); every
 * command that other contexts must know the customer for takes the position of the registration.
 */
export interface JourneyClient {
  register(first: string, last: string): Promise<Written<{ customerId: string }>>;
  buy(
    customerId: string,
    order: { orderId: string; total: number; currency: string },
    after: number,
  ): Promise<Written<{ purchaseId: string }>>;
  openTicket(customerId: string, subject: string, after: number): Promise<Written<{ ticketId: string }>>;
  replyToTicket(ticketId: string, body: string): Promise<Written<{ replyId: string }>>;
  resolveTicket(ticketId: string, resolution: string): Promise<Written<{ status: string }>>;
  /**
   * Records the customer's consent and returns once surveys' read models have it: surveys checks
   * consent for the invitation's channel and purpose when it sends, from its own read model.
   */
  grantConsent(customerId: string, channel: string, purpose: string): Promise<Written<object>>;
  /** The survey messages delivered to the customer (supervisors' view of the outbox), newest first. */
  surveyOutbox(customerId: string): Promise<readonly SurveyMessage[]>;
  /** Answers through the invitation link's token: public, the token is the only key. */
  answerSurvey(token: string, answer: { score: number; comment?: string }): Promise<SurveyAnswerResponse>;
  customerSurveys(customerId: string, after: number): Promise<readonly CustomerSurvey[]>;
  customerTickets(customerId: string, after: number): Promise<readonly TicketView[]>;
  loyaltyBalance(customerId: string, after: number): Promise<LoyaltyBalance>;
  timeline(customerId: string, after: number): Promise<readonly TimelineItem[]>;
}

/**
 * `POST /surveys/respond` on the surveys service: the customer's side of the link, public (no bearer
 * token: the signed invitation token is the key). Both journey clients answer through it.
 */
export async function answerByLink(
  surveysUrl: string,
  token: string,
  answer: { score: number; comment?: string },
): Promise<SurveyAnswerResponse> {
  const response = await fetch(`${surveysUrl}/surveys/respond`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, ...answer }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: SurveyAnswerResponse['body'];
  try {
    body = JSON.parse(text) as SurveyAnswerResponse['body'];
  } catch {
    throw new Error(`POST /surveys/respond: ${response.status}, not JSON: ${text.slice(0, 400)}`);
  }
  return { status: response.status, body, position: Number(response.headers.get('c360-position') ?? -1) };
}

/** Base URLs of the services that own each part of the journey. */
export interface JourneyServices {
  readonly contacts: string;
  readonly sales: string;
  readonly tickets: string;
  readonly loyalty: string;
  readonly customer360: string;
  readonly surveys: string;
}

/** The journey over the services' REST APIs, each command sent to the service that owns it. */
export class RestJourneyClient implements JourneyClient {
  constructor(private readonly services: JourneyServices) {}

  async register(first: string, last: string) {
    const { body, position } = await this.send<{ customerId: string }>('agent', 'POST', `${this.services.contacts}/customers`, {
      name: { first, last },
    });
    return { customerId: body.customerId, position };
  }

  async buy(customerId: string, order: { orderId: string; total: number; currency: string }, after: number) {
    await this.waitFor(this.services.sales, after);
    const { body, position } = await this.send<{ purchaseId: string }>('system', 'POST', `${this.services.sales}/purchases`, {
      orderId: order.orderId,
      channel: 'web',
      customerId,
      lines: [{ sku: 'smoke-1', category: 'shoes', quantity: 1, unitPrice: order.total }],
      total: order.total,
      currency: order.currency,
      purchasedAt: new Date().toISOString(),
    });
    return { purchaseId: body.purchaseId, position };
  }

  async openTicket(customerId: string, subject: string, after: number) {
    await this.waitFor(this.services.tickets, after);
    const { body, position } = await this.send<{ ticketId: string }>('agent', 'POST', `${this.services.tickets}/tickets`, {
      customerId,
      channel: 'email',
      subject,
      description: 'Opened by the distributed smoke test',
      priority: 'normal',
      category: 'billing',
    });
    return { ticketId: body.ticketId, position };
  }

  async replyToTicket(ticketId: string, body: string) {
    const { body: answer, position } = await this.send<{ replyId: string }>(
      'agent',
      'POST',
      `${this.services.tickets}/tickets/${ticketId}/replies`,
      { body, author: 'agent' },
    );
    return { replyId: answer.replyId, position };
  }

  async resolveTicket(ticketId: string, resolution: string) {
    const { body, position } = await this.send<{ ticket: { status: string } }>(
      'agent',
      'POST',
      `${this.services.tickets}/tickets/${ticketId}/resolve`,
      { resolution },
    );
    return { status: body.ticket.status, position };
  }

  async grantConsent(customerId: string, channel: string, purpose: string) {
    const { position } = await this.send('agent', 'POST', `${this.services.contacts}/customers/${customerId}/consents/grants`, {
      channel,
      purpose,
      source: 'distributed-smoke',
    });
    await this.waitFor(this.services.surveys, position);
    return { position };
  }

  async surveyOutbox(customerId: string) {
    const url = `${this.services.surveys}/surveys/outbox?customerId=${customerId}`;
    return (await this.send<{ items: SurveyMessage[] }>('supervisor', 'GET', url)).body.items;
  }

  answerSurvey(token: string, answer: { score: number; comment?: string }) {
    return answerByLink(this.services.surveys, token, answer);
  }

  async customerSurveys(customerId: string, after: number) {
    const url = `${this.services.surveys}/customers/${customerId}/surveys?minPosition=${after}`;
    return (await this.send<{ items: CustomerSurvey[] }>('agent', 'GET', url)).body.items;
  }

  async customerTickets(customerId: string, after: number) {
    const url = `${this.services.tickets}/customers/${customerId}/tickets?minPosition=${after}`;
    return (await this.send<{ items: TicketView[] }>('agent', 'GET', url)).body.items;
  }

  async loyaltyBalance(customerId: string, after: number) {
    return (await this.send<LoyaltyBalance>('agent', 'GET', `${this.services.loyalty}/loyalty/accounts/${customerId}?minPosition=${after}`))
      .body;
  }

  async timeline(customerId: string, after: number) {
    const url = `${this.services.customer360}/customers/${customerId}/timeline?limit=100&minPosition=${after}`;
    return (await this.send<{ items: TimelineItem[] }>('agent', 'GET', url)).body.items;
  }

  /** Waits until the service's read models (its customer directory among them) have handled `position`. */
  private async waitFor(service: string, position: number): Promise<void> {
    await this.send('agent', 'GET', `${service}/health/live?minPosition=${position}`);
  }

  private async send<T>(role: Role, method: string, url: string, body?: unknown, retry = true): Promise<{ body: T; position: number }> {
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${await tokenFor(role)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Longer than the services' READ_MIN_POSITION_WAIT_MS, so a read that waits answers (or 504s) first.
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    // 504 min_position_not_reached says "retry the read": once, for a read that waited out a takeover.
    if (response.status === 504 && method === 'GET' && retry) return this.send<T>(role, method, url, body, false);
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 800)}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, position: Number(response.headers.get('c360-position') ?? -1) };
  }
}
