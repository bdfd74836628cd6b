import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAcknowledgedLoad, type Command } from './support/acknowledged-load';
import { auditVerify } from './support/audit';
import { EventLog, countBy } from './support/event-log';
import { PlatformClient, seededRandom } from './support/http-client';
import { PlatformProcess, sleep, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { balanceOf, ledgerOf, relaxFraudRules, seedMembers } from './support/seed';

const KILLS = 5;
const CLIENTS = 16;
const MEMBERS = 20;
const SEED = 21;

/**
 * The platform SIGKILLed at random moments of a load of purchases (each one a reaction that earns
 * points, and projection work in every context), adjustments and redemptions, five times, restarted
 * each time on the same data dir. Then, from the log: every acknowledged command is in it exactly
 * once, every purchase earned its points exactly once, every balance equals its ledger and its events,
 * and a rebuild of every read model from the log gives the same balances.
 */
describe('SIGKILL under load, five times', () => {
  afterAll(() => stopAllPlatforms());

  it('keeps every acknowledged command, counts no points twice and runs every reaction once', async () => {
    const platform = await PlatformProcess.start();
    const client = new PlatformClient(() => platform.url);
    await relaxFraudRules(client);
    const members = await seedMembers(client, MEMBERS, 'crash');
    for (const customerId of members) {
      await client.expect(201, 'POST', `/loyalty/accounts/${customerId}/adjustments`, {
        as: 'supervisor',
        body: { points: 100_000, reason: 'migration' },
      });
    }
    const seeded = new EventLog(platform.dataDir);
    const seedHead = seeded.head();
    seeded.close();

    const random = seededRandom(SEED);
    const next = (n: number): Command => {
      const subject = members[Math.floor(random() * MEMBERS)];
      const roll = random();
      const points = 1 + Math.floor(random() * 50);
      if (roll < 0.45) {
        // 10 points per full 100,000 minor units (the default spend rule): every purchase earns at least 10.
        const total = points * 100_000;
        return {
          kind: 'purchase',
          method: 'POST',
          path: '/purchases',
          subject,
          body: {
            orderId: `crash-${SEED}-${n}`,
            channel: 'web',
            customerId: subject,
            lines: [{ sku: 'SKU-1', category: 'shoes', quantity: 1, unitPrice: total }],
            total,
            currency: 'EUR',
          },
        };
      }
      if (roll < 0.75)
        return {
          kind: 'adjustment',
          method: 'POST',
          path: `/loyalty/accounts/${subject}/adjustments`,
          as: 'supervisor',
          subject,
          points,
          body: { points, reason: 'goodwill' },
        };
      return { kind: 'redemption', method: 'POST', path: `/loyalty/accounts/${subject}/redemptions`, subject, points, body: { points } };
    };

    const load = runAcknowledgedLoad(client, CLIENTS, next);
    const kills: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await sleep(800 + Math.floor(random() * 2_500));
      const before = load.acknowledgedSoFar();
      await platform.kill();
      kills.push(`#${kill} after ${before} acks`);
      await platform.restart();
    }
    await sleep(1_000);
    const figures = await load.stop();
    await platform.waitCaughtUp();

    const log = new EventLog(platform.dataDir);
    const events = log.events({ after: seedHead });
    log.close();
    const byCommand = new Map<string, typeof events>();
    for (const event of events) {
      const key = event.metadata.commandId;
      if (key) byCommand.set(key, [...(byCommand.get(key) ?? []), event]);
    }
    const EFFECT: Record<string, string> = {
      purchase: 'sales.purchase-recorded',
      adjustment: 'loyalty.points-adjusted',
      redemption: 'loyalty.points-redeemed',
    };
    let lost = 0;
    let doubled = 0;
    for (const command of figures.acknowledged) {
      const effects = (byCommand.get(command.key) ?? []).filter((event) => event.type === EFFECT[command.kind]);
      if (effects.length === 0) lost++;
      if (effects.length > 1) doubled += effects.length - 1;
    }
    // Every purchase in the log (acknowledged or not: a kill may land after the append, before the answer)
    // earned its points exactly once, through the loyalty reaction.
    const purchases = events.filter((event) => event.type === 'sales.purchase-recorded').map((event) => String(event.data.purchaseId));
    const earnedFor = countBy(
      events.filter((event) => event.type === 'loyalty.points-earned'),
      (event) => {
        const source = event.data.source as { kind?: string; purchaseId?: string };
        return source.kind === 'purchase' ? source.purchaseId : undefined;
      },
    );
    const reactionsMissing = purchases.filter((id) => !earnedFor.has(id)).length;
    const reactionsDoubled = [...earnedFor.values()].reduce((sum, count) => sum + count - 1, 0);
    const strangers = [...earnedFor.keys()].filter((id) => !purchases.includes(id)).length;

    const accountsBefore = new Map<string, number>();
    const drift: string[] = [];
    for (const customerId of members) {
      const stream = events.filter((event) => event.streamId === `loyalty-account-${customerId}`);
      const sum = (type: string) =>
        stream.filter((event) => event.type === type).reduce((total, event) => total + Number(event.data.points), 0);
      const fromEvents = 100_000 + sum('loyalty.points-earned') + sum('loyalty.points-adjusted') - sum('loyalty.points-redeemed');
      const balance = await balanceOf(client, customerId);
      const ledger = (await ledgerOf(client, customerId)).reduce((total, entry) => total + entry.points, 0);
      accountsBefore.set(customerId, balance.balance);
      if (balance.balance !== fromEvents || ledger !== fromEvents)
        drift.push(`${customerId}: balance ${balance.balance}, ledger ${ledger}, events ${fromEvents}`);
    }

    // Every read model rebuilt from the log gives the same balances.
    await platform.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(platform.dataDir, `read-models.db${suffix}`), { force: true });
    await platform.restart();
    await platform.waitCaughtUp();
    for (const customerId of members) {
      const rebuilt = (await balanceOf(client, customerId)).balance;
      if (rebuilt !== accountsBefore.get(customerId))
        drift.push(`${customerId}: ${accountsBefore.get(customerId)} before the rebuild, ${rebuilt} after`);
    }
    await platform.stop();
    const audit = await auditVerify(platform.dataDir);

    const kinds = countBy(figures.acknowledged, (command) => command.kind);
    report({
      case: 'crash',
      load: `${CLIENTS} clients, ${figures.acknowledged.length.toLocaleString('en-US')} acknowledged commands (${[...kinds].map(([kind, count]) => `${count} ${kind}s`).join(', ')}), ${purchases.length} purchase reactions`,
      faults: `${KILLS} × SIGKILL (${kills.join('; ')}), ${figures.networkErrors} sends cut, ${figures.unavailable} × 503; then a rebuild from the log`,
      invalidInputs: 0,
      lost: lost + reactionsMissing,
      duplicated: doubled + reactionsDoubled,
      notes: `${drift.length} balances drifted; audit verify: ${audit.ran ? `exit ${audit.code}` : 'not in the tree yet (issue 18), drift checked from ledgers, events and a rebuild'}`,
    });

    expect(figures.unexpected.slice(0, 5)).toEqual([]);
    expect(figures.acknowledged.length).toBeGreaterThan(200);
    expect(platform.starts).toBe(KILLS + 2);
    expect({ lost, doubled, reactionsMissing, reactionsDoubled, strangers }).toEqual({
      lost: 0,
      doubled: 0,
      reactionsMissing: 0,
      reactionsDoubled: 0,
      strangers: 0,
    });
    expect(drift).toEqual([]);
    if (audit.ran) expect(audit).toMatchObject({ code: 0 });
  }, 300_000);
});
