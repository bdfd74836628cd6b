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
  resolveTicket(ticketId: string, resolution: string): Promise<Written<{ status: string }>>;
  loyaltyBalance(customerId: string, after: number): Promise<LoyaltyBalance>;
  timeline(customerId: string, after: number): Promise<readonly TimelineItem[]>;
}

/** Base URLs of the services that own each part of the journey. */
export interface JourneyServices {
  readonly contacts: string;
  readonly sales: string;
  readonly tickets: string;
  readonly loyalty: string;
  readonly customer360: string;
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

  async resolveTicket(ticketId: string, resolution: string) {
    const { body, position } = await this.send<{ ticket: { status: string } }>(
      'agent',
      'POST',
      `${this.services.tickets}/tickets/${ticketId}/resolve`,
      { resolution },
    );
    return { status: body.ticket.status, position };
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
