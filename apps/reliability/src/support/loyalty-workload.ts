import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, LoadFigures } from './acknowledged-load';
import { EventLog, countBy } from './event-log';
import type { PlatformClient } from './http-client';
import type { PlatformProcess } from './platform-process';
import { balanceOf, ledgerOf, relaxFraudRules, seedMembers } from './seed';

/** Points every member starts with, so that redemptions of the load never run out. */
export const STARTING_POINTS = 100_000;

export interface Workload {
  readonly members: readonly string[];
  /** The log's head once the members were seeded: the checks look at what came after. */
  readonly seedHead: number;
  /** The next command of the mix: 45 % purchases (each one a reaction earning points), 30 % adjustments, 25 % redemptions. */
  next(n: number): Command;
}

/** Seeds `count` members with STARTING_POINTS each and returns the command mix over them. */
export async function loyaltyWorkload(
  platform: PlatformProcess,
  client: PlatformClient,
  count: number,
  random: () => number,
  label: string,
): Promise<Workload> {
  await relaxFraudRules(client);
  const members = await seedMembers(client, count, label);
  for (const customerId of members) {
    await client.expect(201, 'POST', `/loyalty/accounts/${customerId}/adjustments`, {
      as: 'supervisor',
      body: { points: STARTING_POINTS, reason: 'migration' },
    });
  }
  const log = new EventLog(platform.dataDir);
  const seedHead = log.head();
  log.close();
  const next = (n: number): Command => {
    const subject = members[Math.floor(random() * members.length)];
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
          orderId: `${label}-${n}`,
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
  return { members, seedHead, next };
}

export interface Effects {
  /** Acknowledged commands with no effect in the log. */
  readonly lost: number;
  /** Effects in the log beyond one per acknowledged command. */
  readonly doubled: number;
  readonly purchases: number;
  /** Purchases in the log that earned no points, or earned them more than once; points earned for no purchase. */
  readonly reactionsMissing: number;
  readonly reactionsDoubled: number;
  readonly strangers: number;
  /** Accounts whose balance differs from their ledger, their events, or a rebuild from the log. */
  readonly drift: readonly string[];
}

const EFFECT: Record<string, string> = {
  purchase: 'sales.purchase-recorded',
  adjustment: 'loyalty.points-adjusted',
  redemption: 'loyalty.points-redeemed',
};

/**
 * The checks of a load against the log, once every processor caught up: every acknowledged command has
 * exactly one effect; every purchase in the log (acknowledged or not — a fault may land after the append,
 * before the answer) earned its points exactly once; every balance equals its ledger and its events; and
 * a rebuild of every read model from the log (read-models.db deleted, the platform restarted) gives the
 * same balances. Leaves the platform stopped.
 */
export async function checkEffects(
  platform: PlatformProcess,
  client: PlatformClient,
  workload: Workload,
  figures: LoadFigures,
): Promise<Effects> {
  const log = new EventLog(platform.dataDir);
  const events = log.events({ after: workload.seedHead });
  log.close();
  const byCommand = new Map<string, typeof events>();
  for (const event of events) {
    const key = event.metadata.commandId;
    if (key) byCommand.set(key, [...(byCommand.get(key) ?? []), event]);
  }
  let lost = 0;
  let doubled = 0;
  for (const command of figures.acknowledged) {
    const effects = (byCommand.get(command.key) ?? []).filter((event) => event.type === EFFECT[command.kind]);
    if (effects.length === 0) lost++;
    if (effects.length > 1) doubled += effects.length - 1;
  }
  const purchases = events.filter((event) => event.type === 'sales.purchase-recorded').map((event) => String(event.data.purchaseId));
  const earnedFor = countBy(
    events.filter((event) => event.type === 'loyalty.points-earned'),
    (event) => {
      const source = event.data.source as { kind?: string; purchaseId?: string };
      return source.kind === 'purchase' ? source.purchaseId : undefined;
    },
  );
  const known = new Set(purchases);
  const drift: string[] = [];
  const balances = new Map<string, number>();
  for (const customerId of workload.members) {
    const stream = events.filter((event) => event.streamId === `loyalty-account-${customerId}`);
    const sum = (type: string) =>
      stream.filter((event) => event.type === type).reduce((total, event) => total + Number(event.data.points), 0);
    const fromEvents = STARTING_POINTS + sum('loyalty.points-earned') + sum('loyalty.points-adjusted') - sum('loyalty.points-redeemed');
    const balance = await balanceOf(client, customerId);
    const ledger = (await ledgerOf(client, customerId)).reduce((total, entry) => total + entry.points, 0);
    balances.set(customerId, balance.balance);
    if (balance.balance !== fromEvents || ledger !== fromEvents)
      drift.push(`${customerId}: balance ${balance.balance}, ledger ${ledger}, events ${fromEvents}`);
  }
  await platform.stop();
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(platform.dataDir, `read-models.db${suffix}`), { force: true });
  await platform.restart();
  await platform.waitCaughtUp();
  for (const customerId of workload.members) {
    const rebuilt = (await balanceOf(client, customerId)).balance;
    if (rebuilt !== balances.get(customerId)) drift.push(`${customerId}: ${balances.get(customerId)} before the rebuild, ${rebuilt} after`);
  }
  await platform.stop();
  return {
    lost,
    doubled,
    purchases: purchases.length,
    reactionsMissing: purchases.filter((id) => !earnedFor.has(id)).length,
    reactionsDoubled: [...earnedFor.values()].reduce((sum, count) => sum + count - 1, 0),
    strangers: [...earnedFor.keys()].filter((id) => !known.has(id)).length,
    drift,
  };
}
