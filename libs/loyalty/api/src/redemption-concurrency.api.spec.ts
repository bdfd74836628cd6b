import { CommandHandler, uuidv7 } from '@c360/kernel';
import { FakeClock } from '@c360/kernel/testing';
import { DEFAULT_PROGRAM_SETTINGS, loyaltyAccount, type AccountEvent } from '@c360/loyalty-domain';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { registeredCustomer } from './testing/loyalty-test-kit';
import { LoyaltyModule } from './loyalty.context';

/**
 * A redemption can never take more than the spendable balance, also under concurrent requests: the
 * CommandHandler serialises commands per stream in-process, and the store's expected revision
 * guards against a second process writing in between.
 */
describe('concurrent redemptions on one account', () => {
  let platform: TestPlatform;
  const clock = new FakeClock('2026-03-10T09:00:00.000Z');

  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [LoyaltyModule], clock });
  });
  afterEach(() => platform.close());

  it('accepts only what the balance covers, never goes below zero, and records every accepted redemption', async () => {
    const customerId = await registeredCustomer(platform);
    const stream = `loyalty-account-${customerId}`;
    await platform.http.post('/loyalty/accounts').send({ customerId }).expect(201);
    await platform.http
      .post(`/loyalty/accounts/${customerId}/adjustments`)
      .set(authHeaders('supervisor', 'sup-1'))
      .send({ points: 1_000, reason: 'migration' })
      .expect(201);

    // 50 requests through the API, plus 10 commands from a second "process" (its own CommandHandler,
    // cache and mutex) on the same event store: only the expected revision keeps these honest.
    const viaApi = Array.from({ length: 50 }, () => platform.http.post(`/loyalty/accounts/${customerId}/redemptions`).send({ points: 30 }));
    const otherProcess = new CommandHandler(platform.stores.eventStore, clock);
    const viaOtherProcess = Array.from({ length: 10 }, () => {
      const redemptionId = uuidv7();
      return otherProcess
        .handle(
          loyaltyAccount,
          stream,
          {
            type: 'redeem-points',
            redemptionId,
            points: 30,
            purpose: { kind: 'points', reference: null },
            now: clock.now().toISOString(),
            program: DEFAULT_PROGRAM_SETTINGS,
          },
          { commandId: uuidv7(), actor: { id: 'other-process', role: 'system' } },
        )
        .then(
          () => ({ accepted: true as const, redemptionId }),
          (error: { code?: string; name?: string }) => ({ accepted: false as const, reason: error.code ?? error.name }),
        );
    });
    const [apiResponses, otherOutcomes] = await Promise.all([Promise.all(viaApi), Promise.all(viaOtherProcess)]);

    const acceptedIds = [
      ...apiResponses.filter((response) => response.status === 201).map((response) => response.body.redemptionId as string),
      ...otherOutcomes.flatMap((outcome) => (outcome.accepted ? [outcome.redemptionId] : [])),
    ];
    for (const response of apiResponses.filter((candidate) => candidate.status !== 201)) {
      expect(response.status).toBe(409);
      expect(['loyalty.insufficient-points', 'concurrency_conflict']).toContain(response.body.error);
    }
    for (const outcome of otherOutcomes)
      if (!outcome.accepted) expect(['loyalty.insufficient-points', 'ConcurrencyError']).toContain(outcome.reason);

    // 1,000 points cover 33 redemptions of 30: no more are accepted, and no fewer unless a request
    // gave up after its bounded retries on a cross-process conflict (refused, never half-applied).
    const gaveUp =
      apiResponses.filter((response) => response.body.error === 'concurrency_conflict').length +
      otherOutcomes.filter((outcome) => !outcome.accepted && outcome.reason === 'ConcurrencyError').length;
    expect(acceptedIds.length).toBe(Math.min(33, 60 - gaveUp));

    // The ledger (the stream) holds every accepted redemption exactly once, and nothing else was debited.
    const events = await platform.stores.eventStore.readStream(stream);
    const redeemed = events
      .filter((event) => event.type === 'loyalty.points-redeemed')
      .map((event) => (event.data as { redemptionId: string }).redemptionId);
    expect([...redeemed].sort()).toEqual([...acceptedIds].sort());

    // Replaying the stream, the spendable balance never dips below zero.
    let balance = 0;
    for (const event of events as unknown as AccountEvent[]) {
      if (event.type === 'loyalty.points-adjusted') balance += event.data.points;
      if (event.type === 'loyalty.points-redeemed') balance -= event.data.points;
      expect(balance).toBeGreaterThanOrEqual(0);
    }
    expect(balance).toBe(1_000 - 30 * acceptedIds.length);

    await platform.processors.waitUntilCaughtUp();
    const view = await platform.http.get(`/loyalty/accounts/${customerId}`).expect(200);
    expect(view.body.spendable).toBe(balance);
    const ledger = await platform.http.get(`/loyalty/accounts/${customerId}/ledger?limit=200`).expect(200);
    const ledgerRedemptions = ledger.body.items
      .filter((entry: { type: string }) => entry.type === 'loyalty.points-redeemed')
      .map((entry: { reference: string }) => entry.reference);
    expect(ledgerRedemptions.sort()).toEqual([...acceptedIds].sort());
  });
});
