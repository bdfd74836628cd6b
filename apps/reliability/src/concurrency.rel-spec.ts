import { EventLog } from './support/event-log';
import { PlatformClient, pool, seededRandom } from './support/http-client';
import { PlatformProcess, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { balanceOf, ledgerOf, relaxFraudRules, seedMembers } from './support/seed';

const CLIENTS = 64;
const ACCOUNTS = 10;
const COMMANDS_PER_CLIENT = 40;
const SEED_POINTS = 200;

/**
 * 64 concurrent clients earning (supervisor adjustments) and redeeming on 10 hot loyalty accounts
 * through the real platform's HTTP API. Every acknowledged command must be counted exactly once:
 * each balance equals the seed plus what was acknowledged, equals the sum of its ledger and of its
 * events, and never goes below zero at any point of the ledger. Redemptions larger than the balance
 * are refused (a 4xx naming the rule), never a 5xx.
 */
describe('64 clients on 10 hot loyalty accounts', () => {
  let platform: PlatformProcess;
  let client: PlatformClient;
  afterAll(() => stopAllPlatforms());

  it('loses no update, never goes negative and answers no 5xx', async () => {
    platform = await PlatformProcess.start();
    client = new PlatformClient(() => platform.url);
    await relaxFraudRules(client);
    const accounts = await seedMembers(client, ACCOUNTS, 'hot');
    for (const customerId of accounts) {
      await client.expect(201, 'POST', `/loyalty/accounts/${customerId}/adjustments`, {
        as: 'supervisor',
        body: { points: SEED_POINTS, reason: 'migration' },
      });
    }

    const acknowledged = new Map(accounts.map((id) => [id, { earned: 0, earns: 0, redeemed: 0, redemptions: 0 }]));
    const statuses = new Map<string, number>();
    const serverErrors: string[] = [];
    const random = seededRandom(21);
    const plan = Array.from({ length: CLIENTS * COMMANDS_PER_CLIENT }, () => ({
      customerId: accounts[Math.floor(random() * ACCOUNTS)],
      earn: random() < 0.5,
      points: 1 + Math.floor(random() * 60),
    }));
    const started = performance.now();
    await pool(plan.length, CLIENTS, async (n) => {
      const { customerId, earn, points } = plan[n];
      const answer = earn
        ? await client.post(`/loyalty/accounts/${customerId}/adjustments`, { points, reason: 'goodwill' }, { as: 'supervisor' })
        : await client.post(`/loyalty/accounts/${customerId}/redemptions`, { points });
      const kind = `${earn ? 'earn' : 'redeem'} ${answer.status}${answer.status >= 400 ? ` ${String(answer.body.error)}` : ''}`;
      statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
      if (answer.status >= 500) serverErrors.push(`${kind}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      const totals = acknowledged.get(customerId);
      if (!totals || answer.status !== 201) return;
      if (earn) {
        totals.earned += points;
        totals.earns++;
      } else {
        expect(answer.body.status).toBe('completed');
        totals.redeemed += points;
        totals.redemptions++;
      }
    });
    const seconds = (performance.now() - started) / 1000;
    await platform.waitCaughtUp();

    const log = new EventLog(platform.dataDir);
    let lost = 0;
    let doubled = 0;
    const problems: string[] = [];
    try {
      for (const customerId of accounts) {
        const totals = acknowledged.get(customerId) ?? { earned: 0, earns: 0, redeemed: 0, redemptions: 0 };
        const expected = SEED_POINTS + totals.earned - totals.redeemed;
        const balance = await balanceOf(client, customerId);
        const ledger = await ledgerOf(client, customerId);
        const stream = log.events().filter((event) => event.streamId === `loyalty-account-${customerId}`);
        const adjusted = stream.filter((event) => event.type === 'loyalty.points-adjusted');
        const redeemed = stream.filter((event) => event.type === 'loyalty.points-redeemed');
        const fromEvents =
          adjusted.reduce((sum, event) => sum + Number(event.data.points), 0) -
          redeemed.reduce((sum, event) => sum + Number(event.data.points), 0);
        let running = 0;
        let lowest = 0;
        for (const entry of ledger) lowest = Math.min(lowest, (running += entry.points));
        lost += Math.max(0, totals.earns + 1 - adjusted.length) + Math.max(0, totals.redemptions - redeemed.length);
        doubled += Math.max(0, adjusted.length - totals.earns - 1) + Math.max(0, redeemed.length - totals.redemptions);
        const facts = {
          expected,
          balance: balance.balance,
          ledgerSum: running,
          fromEvents,
          lowest,
          spendable: balance.spendable,
          held: balance.held,
        };
        if (
          balance.balance !== expected ||
          running !== expected ||
          fromEvents !== expected ||
          lowest < 0 ||
          balance.spendable < 0 ||
          balance.held !== 0
        )
          problems.push(`${customerId}: ${JSON.stringify(facts)}`);
      }
    } finally {
      log.close();
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    report({
      case: 'concurrency',
      load: `${CLIENTS} clients, ${total.toLocaleString('en-US')} earn/redeem commands on ${ACCOUNTS} accounts in ${seconds.toFixed(1)} s`,
      faults: '—',
      invalidInputs: 0,
      lost,
      duplicated: doubled,
      notes: [...statuses].map(([kind, count]) => `${kind}: ${count}`).join(', '),
    });

    expect(serverErrors.slice(0, 5)).toEqual([]);
    expect(problems).toEqual([]);
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    // The load really was contended: both kinds were acknowledged on every account.
    expect([...acknowledged.values()].every((totals) => totals.earns > 0 && totals.redemptions > 0)).toBe(true);
    expect(platform.alive).toBe(true);
  });
});
