import { randomUUID } from 'node:crypto';
import { EventLog } from './support/event-log';
import { PlatformClient, type Answer, type RequestOptions } from './support/http-client';
import { PlatformProcess, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { relaxFraudRules, seedMembers } from './support/seed';

interface Send {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly as?: RequestOptions['as'];
}

/**
 * Every kind of command the platform takes over REST, each sent three times with one Idempotency-Key:
 * once, then twice at the same moment; and, with another key, all three at the same moment. Exactly
 * one effect: the repeats answer the first result and append nothing — no event of their own, and no
 * reaction either (the log's head does not move once the first send's reactions are done).
 */
describe('every command three times with the same idempotency key', () => {
  afterAll(() => stopAllPlatforms());

  it('has exactly one effect', async () => {
    const platform = await PlatformProcess.start();
    const client = new PlatformClient(() => platform.url);
    await relaxFraudRules(client);
    const [member, other] = await seedMembers(client, 2, 'dup');
    await client.expect(201, 'POST', `/loyalty/accounts/${member}/adjustments`, {
      as: 'supervisor',
      body: { points: 10_000, reason: 'migration' },
    });
    const deal = await client.expect<{ dealId: string }>(201, 'POST', '/deals', { body: openDeal(member, 'base') });
    const purchase = await client.expect<{ purchaseId: string }>(201, 'POST', '/purchases', { body: purchaseOf(member, 'base') });
    const ticket = await client.expect<{ ticketId: string }>(201, 'POST', '/tickets', { body: openTicket(member, 'base') });
    await platform.waitCaughtUp();

    const commands: Record<string, (n: number) => Send> = {
      'register a customer': () => ({
        method: 'POST',
        path: '/customers',
        body: { customerId: randomUUID(), name: { first: 'Dup', last: 'Once' } },
      }),
      'add an e-mail': (n) => ({ method: 'POST', path: `/customers/${member}/emails`, body: { email: `dup-${n}@example.com` } }),
      'grant consent': (n) => ({
        method: 'POST',
        path: `/customers/${member}/consents/grants`,
        body: { channel: n ? 'sms' : 'email', purpose: 'marketing', source: 'web-form' },
      }),
      'update the profile': (n) => ({ method: 'PATCH', path: `/customers/${member}`, body: { company: `Company ${n}` } }),
      'open a deal': (n) => ({ method: 'POST', path: '/deals', body: openDeal(member, String(n)) }),
      'log a deal activity': (n) => ({
        method: 'POST',
        path: `/deals/${deal.dealId}/activities`,
        body: { kind: 'call', subject: `Call ${n}` },
      }),
      'record a purchase (earns points)': (n) => ({ method: 'POST', path: '/purchases', body: purchaseOf(member, `dup-${n}`) }),
      'refund part of a purchase (takes points back)': (n) => ({
        method: 'POST',
        path: `/purchases/${purchase.purchaseId}/refunds`,
        body: { kind: 'refund', reason: `Refund ${n}`, amount: 1_000 },
      }),
      'start a contract': (n) => ({
        method: 'POST',
        path: '/contracts',
        body: { customerId: member, title: `Plan ${n}`, value: 10_000, currency: 'EUR', startDate: '2026-01-01', termMonths: 12 },
      }),
      'open a ticket': (n) => ({ method: 'POST', path: '/tickets', body: openTicket(member, String(n)) }),
      'reply on a ticket': (n) => ({ method: 'POST', path: `/tickets/${ticket.ticketId}/replies`, body: { body: `Reply ${n}` } }),
      'adjust points': (n) => ({
        method: 'POST',
        path: `/loyalty/accounts/${member}/adjustments`,
        as: 'supervisor',
        body: { points: 10 + n, reason: 'goodwill' },
      }),
      'redeem points': (n) => ({ method: 'POST', path: `/loyalty/accounts/${member}/redemptions`, body: { points: 5 + n } }),
      'transfer points': (n) => ({
        method: 'POST',
        path: `/loyalty/accounts/${member}/transfers`,
        body: { toCustomerId: other, points: 10 + n },
      }),
      'record an engagement': (n) => ({
        method: 'POST',
        path: `/loyalty/accounts/${member}/engagements`,
        // Another rule the second time: one review a day is the cap (survey bonuses come from surveys' answers only).
        body: { rule: n ? 'birthday' : 'review-written', reference: `engagement-${n}` },
      }),
      'register a partner (key shown once)': (n) => ({
        method: 'POST',
        path: '/loyalty/partners',
        as: 'supervisor',
        body: { name: `Partner ${n}` },
      }),
      'create a reward': (n) => ({
        method: 'POST',
        path: '/loyalty/rewards',
        as: 'supervisor',
        body: {
          name: `Reward ${n}`,
          value: { kind: 'percentage-discount', percent: 10 },
          pointsCost: 100,
          stock: null,
          validFrom: '2026-01-01T00:00:00.000Z',
          validUntil: null,
          tiers: [],
        },
      }),
    };
    // A repeat answers the first result, except where the first answer held a secret shown once.
    const repeatRefusals: Record<string, string> = { 'register a partner (key shown once)': 'loyalty.key-already-issued' };

    const log = new EventLog(platform.dataDir);
    const problems: string[] = [];
    let sends = 0;
    let doubled = 0;
    let lost = 0;
    const send = (command: Send, key: string): Promise<Answer> => {
      sends++;
      return client.request(command.method, command.path, { body: command.body, as: command.as, idempotencyKey: key });
    };
    try {
      for (const [name, make] of Object.entries(commands)) {
        // Once, then twice together.
        const key = randomUUID();
        const command = make(0);
        const first = await send(command, key);
        if (first.status >= 300) {
          problems.push(`${name}: the first send answered ${first.status} ${JSON.stringify(first.body)}`);
          continue;
        }
        await platform.waitCaughtUp();
        const head = log.head();
        if (log.byCommand(key).length === 0) lost++;
        const repeats = await Promise.all([send(command, key), send(command, key)]);
        await platform.waitCaughtUp();
        const refusal = repeatRefusals[name];
        for (const repeat of repeats) {
          if (refusal) {
            if (repeat.status !== 409 || repeat.body.error !== refusal)
              problems.push(`${name}: a repeat answered ${repeat.status} ${JSON.stringify(repeat.body)}, expected 409 ${refusal}`);
            continue;
          }
          // The first answer's status, or another 2xx that says it is the first result (a purchase recorded before: 200).
          if (repeat.status !== first.status && !(repeat.status < 300 && repeat.body.duplicate === true))
            problems.push(`${name}: a repeat answered ${repeat.status}, the first ${first.status}`);
          if ('duplicate' in first.body && repeat.body.duplicate !== true) problems.push(`${name}: a repeat is not marked duplicate`);
          if (JSON.stringify(withoutDuplicate(repeat.body)) !== JSON.stringify(withoutDuplicate(first.body)))
            problems.push(`${name}: a repeat answered ${JSON.stringify(repeat.body)}, the first ${JSON.stringify(first.body)}`);
        }
        if (log.head() !== head) {
          doubled += log.head() - head;
          problems.push(
            `${name}: the repeats appended ${log.head() - head} events (${log
              .events({ after: head })
              .map((e) => e.type)
              .join(', ')})`,
          );
        }

        // Three at the same moment, with another key: one of them runs, the others answer its result.
        const together = randomUUID();
        const concurrent = make(1);
        const answers = await Promise.all([send(concurrent, together), send(concurrent, together), send(concurrent, together)]);
        await platform.waitCaughtUp();
        const statuses = answers.map((answer) => answer.status);
        const succeeded = statuses.filter((status) => status < 300).length;
        if (refusal ? succeeded !== 1 : succeeded !== 3) problems.push(`${name}: three together answered ${statuses.join(', ')}`);
        // One effect: the key's events touch each stream with each event type once (a second run would repeat them).
        const appended = log.byCommand(together);
        const effects = new Set(appended.map((event) => `${event.streamId} ${event.type}`));
        if (appended.length === 0) {
          lost++;
          problems.push(`${name}: three together appended nothing`);
        } else if (effects.size !== appended.length) {
          doubled += appended.length - effects.size;
          problems.push(`${name}: three together appended ${appended.map((event) => event.type).join(', ')}`);
        }
        const marked = answers.filter((answer) => answer.body.duplicate === true).length;
        if (!refusal && 'duplicate' in first.body && marked !== 2)
          problems.push(`${name}: ${marked} of three together were marked duplicate, expected 2`);
      }
    } finally {
      log.close();
    }
    report({
      case: 'duplicates',
      load: `${Object.keys(commands).length} kinds of command, ${sends} sends (each command ×3 with one key, sequential and concurrent)`,
      faults: '—',
      invalidInputs: 0,
      lost,
      duplicated: doubled,
      notes: problems.length ? problems.slice(0, 3).join('; ') : 'every repeat answered the first result and appended nothing',
    });
    expect(problems).toEqual([]);
    expect(platform.alive).toBe(true);
  });
});

function withoutDuplicate(body: Record<string, unknown>): Record<string, unknown> {
  const { duplicate: _duplicate, ...rest } = body ?? {};
  return rest;
}

function openDeal(customerId: string, label: string) {
  return {
    customerId,
    title: `Deal ${label}`,
    amount: 100_000,
    currency: 'EUR',
    ownerId: 'agent-1',
    expectedCloseDate: '2027-04-01',
    source: 'web',
  };
}

function purchaseOf(customerId: string, orderId: string) {
  return {
    orderId,
    channel: 'web',
    customerId,
    lines: [{ sku: 'SKU-1', category: 'shoes', quantity: 1, unitPrice: 500_000 }],
    total: 500_000,
    currency: 'EUR',
  };
}

function openTicket(customerId: string, label: string) {
  return { customerId, channel: 'email', subject: `Ticket ${label}`, description: 'Something broke', priority: 'normal' };
}
