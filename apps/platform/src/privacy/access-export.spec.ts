import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from '../platform-contexts';
import { PERSON, runErasureJourney } from './erasure-journey';

/**
 * The right of access across the platform (ADR 0013, docs/contexts/access-export.md): after a journey
 * through contacts, sales, tickets and loyalty, one GET answers one document with a section per
 * context, personal data decrypted, and the request recorded.
 */
describe('access export: one document from every context', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules(), env: { TOPICS: 'files' } });
    platform.clock.set('2026-03-01T10:00:00.000Z');
  });
  afterEach(() => platform.close());

  it('holds the profile, deals, purchases, contracts, tickets and the loyalty account, decrypted', async () => {
    const { customerId, dealId, ticketId } = await runErasureJourney(platform);
    const exported = await platform.http.get(`/customers/${customerId}/export`).set(authHeaders('auditor', 'dpo-1')).expect(200);
    expect(exported.headers['content-type']).toContain('application/json');
    const { sections } = exported.body;
    expect(exported.body).toMatchObject({ customerId, generatedAt: expect.any(String) });
    expect(Object.keys(sections)).toEqual(['contacts', 'loyalty', 'sales', 'surveys', 'tickets']);

    expect(sections.contacts).toMatchObject({
      profile: { customerId, status: 'active', displayName: `${PERSON.first} ${PERSON.last}` },
      identities: expect.arrayContaining([{ kind: 'email', value: PERSON.email }]),
      consents: { history: [] },
      referrals: { referralCode: expect.any(String), referees: [] },
    });
    expect(sections.sales.deals).toEqual([
      expect.objectContaining({
        dealId,
        customerId,
        title: expect.stringContaining(PERSON.email),
        activities: [
          expect.objectContaining({ subject: expect.stringContaining(PERSON.last), notes: expect.stringContaining(PERSON.email) }),
        ],
      }),
    ]);
    // The won deal recorded a purchase of its own (sales' won-deal workflow), beside the web order with its refund.
    // Both were bought at the same instant, and the workflow's purchase may land before or after the web
    // order, so their order in the export says nothing: the set does.
    expect(sections.sales.purchases).toHaveLength(2);
    expect(sections.sales.purchases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ customerId, dealId, total: 100_000, refunds: [] }),
        expect.objectContaining({
          customerId,
          total: 250_000,
          refunds: [expect.objectContaining({ reason: expect.stringContaining(PERSON.email) })],
        }),
      ]),
    );
    expect(sections.sales.contracts).toEqual([
      expect.objectContaining({ customerId, title: expect.stringContaining(PERSON.last), status: 'lapsed' }),
    ]);
    expect(sections.tickets.tickets).toEqual([
      expect.objectContaining({
        ticketId,
        subject: expect.stringContaining(PERSON.email),
        description: expect.stringContaining(PERSON.last),
        messages: expect.arrayContaining([expect.objectContaining({ body: expect.stringContaining(PERSON.email) })]),
      }),
    ]);
    expect(sections.loyalty.account).toMatchObject({ customerId, status: 'active', lots: expect.any(Array) });
    expect(sections.loyalty.ledger).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'loyalty.points-adjusted', detail: expect.objectContaining({ ticket: PERSON.email }) }),
      ]),
    );
    expect(sections.loyalty).toMatchObject({ redemptions: [], fraudFlags: [] });
    expect(JSON.stringify(exported.body)).not.toContain('$pii');
  });

  it('records who asked and when, naming no personal data', async () => {
    const { customerId } = await runErasureJourney(platform);
    await platform.http.get(`/customers/${customerId}/export`).set(authHeaders('auditor', 'dpo-1')).expect(200);
    const recorded = await platform.stores.eventStore.readStream(`contacts-access-export-${customerId}`);
    expect(recorded.map((event) => [event.type, event.data])).toEqual([
      [
        'contacts.access-exported',
        {
          customerId,
          exportId: expect.any(String),
          requestedBy: 'dpo-1',
          requestedByRole: 'auditor',
          exportedAt: platform.clock.now().toISOString(),
          sections: ['contacts', 'loyalty', 'sales', 'surveys', 'tickets'],
        },
      ],
    ]);
  });

  it('answers 404 for an unknown customer before writing anything', async () => {
    await platform.http.get('/customers/0190a000-0000-7000-8000-000000000404/export').expect(404);
    const { events } = await platform.stores.eventStore.readAll({ maxCount: 1_000 });
    expect(events.filter((event) => event.type === 'contacts.access-exported')).toEqual([]);
  });
});
