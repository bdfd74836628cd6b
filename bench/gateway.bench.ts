import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { figure, noteChildRss, tempDataDir, verdict, verdictBelow } from './bench-util';
import { BENCH_SECRET, benchHeaders } from './http.bench';
import { flag, numberFlag } from './http/bench-args';
import { waitCaughtUp } from './http/health-sampler';
import { percentile, runLoad, type LoadResult } from './http/load-generator';
import { startService, waitForHttp, type ServiceProcess } from './http/service-process';
import { seededUuid } from '../scripts/seed/customer-plan';

/**
 * The GraphQL gateway of `npm start` under agents' reads (issue 17): the platform is started on a fresh
 * data dir, seeded through its command routes (`npm run seed`), then asked for customer 360 pictures —
 * the 360 document and the last 20 timeline entries of a random seeded customer per request:
 *   1. open loop at --rate (default 200) evenly spaced requests/s (latency from the planned send time),
 *   2. closed loop on --connections (default 50) keep-alive connections.
 *   --customers=2000 (the issue's figure is 100000: seeding that takes long here) --seconds=20 --seed=17
 * RSS of the platform is sampled every 500 ms throughout. Figures are printed, never asserted.
 */
const QUERY = `query Customer360($id: ID!) {
  customer360(customerId: $id)
  customerTimeline(customerId: $id, limit: 20) { edges { node } pageInfo { hasNextPage endCursor } }
}`;

export async function runGatewayBench(): Promise<boolean> {
  const customers = numberFlag('customers', 2_000);
  const seed = numberFlag('seed', 17);
  const seconds = numberFlag('seconds', 20);
  const rate = numberFlag('rate', 200);
  const connections = numberFlag('connections', 50);
  const data = tempDataDir('gateway');
  let service: ServiceProcess | undefined;
  const rss: number[] = [];
  const sampler = setInterval(() => {
    const value = service?.rssMiB();
    if (value) rss.push(value);
  }, 500);
  try {
    service = await startService('apps/platform/src/main.ts', {
      C360_DATA_DIR: data.dir,
      TOPICS: 'off',
      C360_AUTH_SECRET: BENCH_SECRET,
      SQLITE_DURABILITY: flag('durability') ?? 'normal',
    });
    figure('time until the platform listens (empty store)', await waitForHttp(service.url), 's');
    const headers = await benchHeaders();
    const seeding = performance.now();
    await seedPlatform(service.url, headers.authorization.slice('Bearer '.length), customers, seed);
    figure('seed (through the command routes, then caught up)', (performance.now() - seeding) / 1000, 's', `${customers} customers`);
    figure('time until every processor caught up after the seed', await waitCaughtUp(service.url), 's');
    const next = (n: number) => ({
      method: 'POST',
      path: '/graphql',
      body: { query: QUERY, variables: { id: seededUuid(seed, `customer-${(n * 7_919) % customers}`) } },
    });
    console.log(
      `\n  server: apps/platform (npm start), Apollo on Fastify at /graphql, in-process calls; events ${flag('durability') ?? 'normal'}, read models normal`,
    );
    console.log(`  load: node http keep-alive client in this process; ${customers} seeded customers; ${seconds} s per run`);
    const warm = await runLoad({ base: service.url, clients: 8, seconds: 3, headers, next });
    figure('warm-up requests', warm.sent, 'req', `${warm.failed} failed`);

    const fixed = await runLoad({ base: service.url, clients: 32, seconds, rate, headers, next });
    report(`open loop, ${rate} req/s evenly spaced (32 lanes)`, fixed);
    const fixedRss = Math.max(0, ...rss);
    verdictBelow(`customer360 p99 at ${rate} req/s`, percentile(fixed.latencies, 99), 10, 'ms');

    const closed = await runLoad({ base: service.url, clients: connections, seconds, headers, next });
    report(`closed loop, ${connections} connections`, closed);
    verdict(`customer360 throughput at ${connections} connections`, closed.ok / closed.seconds, 3_000, 'req/s');
    verdictBelow(`customer360 p99 at ${connections} connections`, percentile(closed.latencies, 99), 20, 'ms');
    const peak = Math.max(0, ...rss);
    figure('platform RSS peak during the fixed-rate run', fixedRss, 'MiB');
    verdictBelow('platform RSS peak throughout (seed and both runs)', peak, 512, 'MiB');
    noteChildRss(peak);
    return true;
  } finally {
    clearInterval(sampler);
    await service?.stop();
    data.remove();
  }
}

function report(label: string, result: LoadResult): void {
  console.log(`\n  ${label}: ${JSON.stringify(result.statuses)}`);
  figure(`${label}: throughput`, result.ok / result.seconds, 'req/s', `${result.failed} failed of ${result.sent}`);
  figure(`${label}: p50`, percentile(result.latencies, 50), 'ms');
  figure(`${label}: p99`, percentile(result.latencies, 99), 'ms');
}

/** `npm run seed` against the started platform, its progress bar on this terminal. */
function seedPlatform(url: URL, token: string, customers: number, seed: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(__dirname, '../scripts/run-ts.js'),
        'scripts/seed.ts',
        '--customers',
        String(customers),
        '--seed',
        String(seed),
        '--url',
        url.origin,
        '--token',
        token,
      ],
      { cwd: join(__dirname, '..'), stdio: ['ignore', process.stderr, process.stderr] },
    );
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the seed exited with ${code}`))));
  });
}
