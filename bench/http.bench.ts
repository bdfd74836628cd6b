import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@c360/store-sqlite';
import { loadSigningSecret, mintToken } from '@c360/runtime';
import { figure, noteChildRss, tempDataDir, verdictBelow } from './bench-util';
import { flag, numberFlag } from './http/bench-args';
import { health, printLag, sampleLag, waitCaughtUp } from './http/health-sampler';
import { percentile, probe, runLoad, send, type LoadResult } from './http/load-generator';
import { startService, waitForHttp, type ServiceProcess } from './http/service-process';
import { Agent } from 'node:http';

/**
 * Commands through HTTP against a running service (issue 11). Starts the service itself (a fresh data
 * dir, a free port on 127.0.0.1, `LOG_LEVEL=warn`) unless `--url=` names one already running.
 *   --target=sales (default: bench/http/sales-service.main.ts) | platform (apps/platform, `npm start`)
 *   --scenario=purchases (default) | loyalty (adjust + redeem) | rebuild (catch-up from the log)
 *   --clients=32 --seconds=30 --rate=<req/s, open loop; default closed loop> --seed=<events, rebuild>
 * Durability as the service is configured: by default events `full` (fsync per group commit), read
 * models `normal` (ADR 0012). `/health/ready` is polled each second during the load for every processor's
 * worst lag; the issue's purchase run is `--target=platform --rate=2000 --seconds=60 --clients=128` (an
 * open loop's lanes each wait for a durable answer, so 32 cannot keep 2,000/s on a slow fsync).
 * Figures are printed, never asserted.
 */
const ENTRIES: Record<string, string> = { sales: 'bench/http/sales-service.main.ts', platform: 'apps/platform/src/main.ts' };

export async function runHttpBench(): Promise<boolean> {
  const scenario = flag('scenario') ?? 'purchases';
  const given = flag('url');
  const data = tempDataDir('http');
  const entry = ENTRIES[flag('target') ?? 'sales'] ?? (flag('target') as string);
  let service: ServiceProcess | undefined;
  try {
    if (scenario === 'rebuild') return await rebuild(entry, data.dir);
    if (!given) {
      service = await startService(entry, { C360_DATA_DIR: data.dir, TOPICS: 'off', C360_AUTH_SECRET: BENCH_SECRET });
      figure('time until the server listens (empty store)', await waitForHttp(service.url), 's');
      await waitCaughtUp(service.url);
    }
    const base = given ? new URL(given) : (service as ServiceProcess).url;
    console.log(
      `\nHTTP ${scenario} against ${base.href} (${flag('clients') ?? 32} clients, ${flag('seconds') ?? 30} s${flag('rate') ? `, ${flag('rate')} req/s open loop` : ', closed loop'})`,
    );
    const headers = await benchHeaders();
    if (flag('target') === 'platform') await registerCustomers(base, headers);
    const next = scenario === 'loyalty' ? await loyaltyRequests(base, headers) : purchaseRequests();
    const live = probe(base, '/health/live', 50);
    const lag = sampleLag(base);
    const rssDuring: number[] = [];
    const rssTimer = setInterval(() => {
      const rss = service?.rssMiB();
      if (rss) rssDuring.push(rss);
    }, 500);
    const result = await runLoad({
      base,
      clients: numberFlag('clients', 32),
      seconds: numberFlag('seconds', 30),
      rate: flag('rate') ? numberFlag('rate', 0) : undefined,
      headers,
      next,
    });
    clearInterval(rssTimer);
    const worstLag = await lag.stop();
    const atEnd = await health(base);
    const caughtUp = await waitCaughtUp(base);
    const liveFigures = await live.stop();
    report(result);
    console.log('  lag at the end of the load:');
    printLag(atEnd);
    figure(
      'max age of the oldest unprocessed event at the end',
      Math.max(0, ...atEnd.processors.map((p) => p.lagSeconds ?? Number.NaN)),
      's',
    );
    figure('time until every processor caught up after the load', caughtUp, 's');
    reportWorstLag(worstLag, scenario, result);
    figure('/health/live p99 during the load', percentile(liveFigures.latencies, 99), 'ms', `${liveFigures.failures} failed`);
    figure('RSS peak during the load', Math.max(0, ...rssDuring, atEnd.rssMiB ?? 0), 'MiB');
    noteChildRss(Math.max(0, ...rssDuring, atEnd.rssMiB ?? 0));
    return true;
  } finally {
    await service?.stop();
    data.remove();
  }
}

/** The purchase → points reaction of the platform (issue 11: under 2 s through 60 s at 2,000 purchases/s). */
const PURCHASE_REACTION = 'loyalty-sales-reactions';

function reportWorstLag(worst: Map<string, number>, scenario: string, result: LoadResult): void {
  const [name, seconds] = [...worst].sort((a, b) => b[1] - a[1])[0] ?? ['none', Number.NaN];
  figure('worst age of an unprocessed event during the load (polled every 1 s)', seconds, 's', name);
  const reaction = [...worst].find(([processor]) => processor.endsWith(PURCHASE_REACTION));
  if (scenario !== 'purchases' || !reaction) return;
  figure('worst lag of the purchase → points reaction during the load', reaction[1], 's');
  // The issue's run: 2,000 purchases/s held for 60 s (`--rate=2000 --seconds=60`); shorter or slower runs only print.
  const held = result.ok / result.seconds;
  if (held >= 1_990 && result.seconds >= 59.5) {
    verdictBelow(`purchase → points lag through ${Math.round(result.seconds)} s at ${Math.round(held)} purchases/s`, reaction[1], 2, 's');
  }
}

function report(result: LoadResult): void {
  figure('requests acknowledged (2xx)', result.ok, 'req', JSON.stringify(result.statuses));
  figure('acknowledged rate', result.ok / result.seconds, 'req/s');
  figure('latency p50', percentile(result.latencies, 50), 'ms');
  figure('latency p99', percentile(result.latencies, 99), 'ms');
  figure('latency max', result.latencies.at(-1) ?? Number.NaN, 'ms');
}

/**
 * The service the bench starts signs tokens with this secret; a supervisor may send every request of
 * every scenario (purchases, adjustments, redemptions). `--token=` overrides it for a given `--url=`.
 */
export const BENCH_SECRET = 'bench-secret-for-127.0.0.1-only-0123456789';

export async function benchHeaders(): Promise<Record<string, string>> {
  const token =
    flag('token') ??
    (await mintToken(loadSigningSecret({ mode: 'development', secret: BENCH_SECRET, secretFile: '' }).key, {
      role: 'supervisor',
      user: 'bench',
      ttl: '2h',
    }));
  return { authorization: `Bearer ${token}` };
}

/** The whole platform refuses purchases and accounts for customers it does not know (issue 13). */
async function registerCustomers(base: URL, headers: Record<string, string>): Promise<void> {
  await inBatchesOf16(CUSTOMERS, async (agent, customerId) => {
    const name = { first: 'Bench', last: customerId.slice(0, 8) };
    const reply = await send(agent, new URL('/customers', base), 'POST', { customerId, name }, headers);
    if (reply.status >= 300) throw new Error(`registering ${customerId} answered ${reply.status}: ${reply.body}`);
  });
}

/** Set-up requests, 16 at a time on one keep-alive agent. */
async function inBatchesOf16<T>(items: readonly T[], work: (agent: Agent, item: T) => Promise<void>): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  for (let i = 0; i < items.length; i += 16) await Promise.all(items.slice(i, i + 16).map((item) => work(agent, item)));
  agent.destroy();
}

const CUSTOMERS = Array.from({ length: 2_000 }, () => randomUUID());
const RUN = randomUUID().slice(0, 8);

function purchase(n: number) {
  return {
    orderId: `B-${RUN}-${n}`,
    channel: 'web',
    customerId: CUSTOMERS[n % CUSTOMERS.length],
    lines: [{ sku: 'SHOE-42', category: 'shoes', quantity: 1, unitPrice: 50_00 }],
    total: 50_00,
    currency: 'EUR',
    purchasedAt: '2026-03-01T15:00:00Z',
  };
}

function purchaseRequests() {
  return (n: number) => ({ method: 'POST', path: '/purchases', body: purchase(n) });
}

/** Enrols the accounts first (and gives them points), then alternates adjustments and small redemptions. */
async function loyaltyRequests(base: URL, headers: Record<string, string>) {
  const accounts = CUSTOMERS.slice(0, 500);
  await inBatchesOf16(accounts, async (agent, customerId) => {
    await send(agent, new URL('/loyalty/accounts', base), 'POST', { customerId }, headers);
    await send(
      agent,
      new URL(`/loyalty/accounts/${customerId}/adjustments`, base),
      'POST',
      { points: 1_000_000, reason: 'migration' },
      headers,
    );
  });
  return (n: number) => {
    const customerId = accounts[n % accounts.length];
    return n % 2 === 0
      ? { method: 'POST', path: `/loyalty/accounts/${customerId}/adjustments`, body: { points: 10, reason: 'goodwill' } }
      : { method: 'POST', path: `/loyalty/accounts/${customerId}/redemptions`, body: { points: 5 } };
  };
}

/**
 * Start-up over a log with an empty read store: seeds `--seed` purchase events straight into the event
 * store (default 200,000), starts the service, and measures when it listens, /health/live during the
 * catch-up, the catch-up rate and RSS growth.
 */
async function rebuild(entry: string, dir: string): Promise<boolean> {
  const total = numberFlag('seed', 200_000);
  console.log(`\nHTTP rebuild: ${total.toLocaleString('en-US')} purchase events, empty read store, ${entry}`);
  const store = new SqliteEventStore({ file: join(dir, 'events.db'), durability: 'normal' });
  const metadata = { correlationId: 'bench', causationId: 'bench', actor: { id: 'bench', role: 'system' as const } };
  for (let done = 0; done < total;) {
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < 500 && done < total; i++, done++) {
      const purchaseId = randomUUID();
      appends.push(
        store.appendToStream(
          `sales-purchase-${purchaseId}`,
          [
            {
              id: randomUUID(),
              type: 'sales.purchase-recorded',
              schemaVersion: 1,
              occurredAt: '2026-03-01T15:00:00.000Z',
              data: { ...purchase(done), purchaseId },
              metadata,
            },
          ],
          { expectedRevision: 'no_stream' },
        ),
      );
    }
    await Promise.all(appends);
  }
  await store.close();
  rmSync(join(dir, 'read-models.db'), { force: true });
  const started = performance.now();
  const service = await startService(entry, { C360_DATA_DIR: dir, TOPICS: 'off', C360_ORPHANED_CHECKPOINTS: 'ignore' });
  try {
    const listen = await waitForHttp(service.url);
    const rssAtListen = service.rssMiB() ?? Number.NaN;
    const live = probe(service.url, '/health/live', 20);
    let rssPeak = rssAtListen;
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, service.rssMiB() ?? 0)), 250);
    const caughtUp = await waitCaughtUp(service.url, 1_800_000);
    clearInterval(rssTimer);
    const liveFigures = await live.stop();
    const seconds = (performance.now() - started) / 1000;
    figure('time until the server listens', listen, 's');
    figure('catch-up of every processor (from start)', seconds, 's', `${caughtUp.toFixed(1)} s after listening`);
    figure('catch-up rate', total / seconds, 'events/s');
    figure('/health/live p50 during catch-up', percentile(liveFigures.latencies, 50), 'ms');
    figure(
      '/health/live p99 during catch-up',
      percentile(liveFigures.latencies, 99),
      'ms',
      `${liveFigures.latencies.length} answered, ${liveFigures.failures} failed`,
    );
    figure('RSS when listening', rssAtListen, 'MiB');
    figure('RSS peak during catch-up', rssPeak, 'MiB', `growth ${(rssPeak - rssAtListen).toFixed(0)} MiB`);
    noteChildRss(rssPeak);
    return true;
  } finally {
    await service.stop();
  }
}
