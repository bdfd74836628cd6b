import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@c360/kernel';
import { PublishedContracts, jsonSchemaOf } from '@c360/integration-events';
import { platformContexts } from './platform-contexts';

/** What every context of the platform publishes, as the relay maps it (each definition's `publishes`). */
const INTEGRATION_CONTRACTS = platformContexts.flatMap((context) => context.publishes ?? []);
const published = new PublishedContracts(INTEGRATION_CONTRACTS);
const PUBLISHED_DOMAIN_EVENT_TYPES = published.domainEventTypes;
const toIntegrationEvent = (event: EventEnvelope) => published.toIntegrationEvent(event);

const PERSONAL = ['Ada Lovelace', 'ada@example.com', '+4791234567', '1815-12-10', 'Ockham Road 1', 'I hated the service'];

/** A domain event of the given type whose data holds every field a context might add, including personal ones. */
function richEvent(type: string, streamId = `x-${randomUUID()}`): EventEnvelope {
  const customerId = randomUUID();
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    revision: 0,
    position: 7,
    occurredAt: '2026-04-01T09:00:00.000Z',
    metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: { id: 'agent-1', role: 'agent' } },
    data: {
      customerId,
      referrerId: randomUUID(),
      survivorId: customerId,
      absorbedId: randomUUID(),
      mergeId: randomUUID(),
      purchaseId: randomUUID(),
      orderId: 'web-1',
      refundId: randomUUID(),
      dealId: randomUUID(),
      contractId: randomUUID(),
      redemptionId: randomUUID(),
      responseId: randomUUID(),
      invitationId: randomUUID(),
      templateId: 'nps-default',
      templateVersion: 1,
      kind: 'nps',
      language: 'nb',
      followUpRequired: true,
      category: 'detractor',
      sentAt: '2026-04-01T09:00:00.000Z',
      expiresAt: '2026-04-15T09:00:00.000Z',
      lotId: 'lot-1',
      channel: 'email',
      purpose: 'marketing',
      score: 9,
      points: 40,
      total: 1000,
      amount: 500,
      value: 900,
      currency: 'NOK',
      from: 'bronze',
      to: 'silver',
      lines: [{ sku: 'a-1', category: 'shoes', quantity: 1, unitPrice: 1000, note: PERSONAL[5] }],
      registeredAt: '2026-04-01T09:00:00.000Z',
      referredAt: '2026-04-01T09:00:00.000Z',
      mergedAt: '2026-04-01T09:00:00.000Z',
      undoneAt: '2026-04-01T09:00:00.000Z',
      erasedAt: '2026-04-01T09:00:00.000Z',
      purchasedAt: '2026-04-01T09:00:00.000Z',
      refundedAt: '2026-04-01T09:00:00.000Z',
      wonAt: '2026-04-01T09:00:00.000Z',
      lostAt: '2026-04-01T09:00:00.000Z',
      renewedAt: '2026-04-01T09:00:00.000Z',
      renewalDate: '2027-04-01T00:00:00.000Z',
      redeemedAt: '2026-04-01T09:00:00.000Z',
      expiredAt: '2026-04-01T09:00:00.000Z',
      adjustedAt: '2026-04-01T09:00:00.000Z',
      clawedBackAt: '2026-04-01T09:00:00.000Z',
      changedAt: '2026-04-01T09:00:00.000Z',
      answeredAt: '2026-04-01T09:00:00.000Z',
      ticketId: randomUUID(),
      priority: 'high',
      author: 'agent',
      target: 'resolution',
      reopenCount: 1,
      openedAt: '2026-04-01T09:00:00.000Z',
      repliedAt: '2026-04-01T09:00:00.000Z',
      resolvedAt: '2026-04-01T09:00:00.000Z',
      reopenedAt: '2026-04-01T09:00:00.000Z',
      breachedAt: '2026-04-01T09:00:00.000Z',
      recordedAt: '2026-04-01T09:00:00.000Z',
      // personal data a domain event may carry (decrypted, as readers see it)
      name: { first: 'Ada', last: 'Lovelace' },
      fullName: PERSONAL[0],
      emails: [PERSONAL[1]],
      email: PERSONAL[1],
      phones: [PERSONAL[2]],
      birthday: PERSONAL[3],
      address: { street: PERSONAL[4] },
      comment: PERSONAL[5],
      notes: PERSONAL[5],
      subject: PERSONAL[5],
      description: PERSONAL[5],
      body: PERSONAL[5],
      resolution: PERSONAL[5],
    },
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('integration events', () => {
  it.each(INTEGRATION_CONTRACTS.map((contract) => [contract.type, contract] as const))(
    '%s carries no personal data, only its whitelisted fields',
    (_type, contract) => {
      const event = toIntegrationEvent(richEvent(contract.from));
      expect(event).toBeDefined();
      const published = strings(event);
      for (const personal of PERSONAL) expect(published.some((text) => text.includes(personal))).toBe(false);
      expect(Object.keys(event?.data ?? {}).every((field) => field in contract.fields)).toBe(true);
      expect(event?.topic).toBe(contract.topic);
    },
  );

  it('keys a purchase by its customer and keeps the envelope ids for dedupe and tracing', () => {
    const domain = richEvent('sales.purchase-recorded');
    const event = toIntegrationEvent(domain);
    expect(event).toMatchObject({
      eventId: domain.id,
      type: 'sales.purchase-recorded',
      schemaVersion: 1,
      topic: 'c360.sales.v1',
      key: (domain.data as { customerId: string }).customerId,
      correlationId: 'corr-1',
      occurredAt: '2026-04-01T09:00:00.000Z',
    });
    expect(event?.data.lines).toEqual([{ sku: 'a-1', category: 'shoes', quantity: 1, unitPrice: 1000 }]);
  });

  it("keys loyalty events by the account's customer, taken from the stream when the data lacks it", () => {
    const owner = randomUUID();
    const domain = richEvent('loyalty.points-expired', `loyalty-account-${owner}`);
    delete (domain.data as Record<string, unknown>).customerId;
    expect(toIntegrationEvent(domain)).toMatchObject({ key: owner, data: { customerId: owner, points: 40 } });
  });

  it('publishes a resolved ticket keyed by its customer, with figures and ids but none of the text', () => {
    const domain = richEvent('tickets.ticket-resolved', `tickets-ticket-${randomUUID()}`);
    const event = toIntegrationEvent(domain);
    expect(event).toMatchObject({
      type: 'tickets.ticket-resolved',
      topic: 'c360.tickets.v1',
      key: (domain.data as { customerId: string }).customerId,
    });
    expect(event?.data).not.toHaveProperty('resolution');
    expect(toIntegrationEvent(richEvent('tickets.note-added'))).toBeUndefined();
  });

  it('publishes nothing for a domain event that is not part of the contract', () => {
    expect(toIntegrationEvent(richEvent('contacts.profile-updated'))).toBeUndefined();
    expect(PUBLISHED_DOMAIN_EVENT_TYPES).not.toContain('contacts.profile-updated');
  });

  it('refuses to publish a broken contract: a required field missing', () => {
    const domain = richEvent('sales.purchase-recorded');
    delete (domain.data as Record<string, unknown>).total;
    expect(() => toIntegrationEvent(domain)).toThrow(/sales.purchase-recorded at position 7: field "total"/);
  });

  it('describes every contract as a JSON Schema', () => {
    for (const contract of INTEGRATION_CONTRACTS) {
      const schema = jsonSchemaOf(contract.type, contract.fields);
      expect(schema).toMatchObject({ title: contract.type, type: 'object', additionalProperties: false });
    }
  });
});
