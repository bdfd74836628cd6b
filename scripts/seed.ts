import { ConfigError, tokenCommand } from '@c360/runtime';
import { SingleBar } from 'cli-progress';
import { waitCaughtUp } from '../bench/http/health-sampler';
import { customerPlan, type SeedRequest } from './seed/customer-plan';

/**
 * `npm run seed -- --customers N [--seed 17] [--url http://127.0.0.1:3000] [--concurrency 32]`: fills a
 * running platform with deterministic demo data through its command routes (the same validation, rules
 * and events as any client), one customer's requests in order, many customers at once. A rerun with the
 * same seed repeats nothing (every request has a derived idempotency key). Token: `--token`, or one
 * minted for a supervisor from the platform's signing secret (./data, C360_DATA_DIR, C360_AUTH_SECRET).
 */
function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new ConfigError([`--${name} must be a positive whole number`]);
  return value;
}

async function main(): Promise<void> {
  const customers = positive('customers', 1_000);
  const seed = positive('seed', 17);
  const concurrency = positive('concurrency', 32);
  const base = option('url', `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  const token = option('token', '') || (await tokenCommand(['--role', 'supervisor', '--user', 'seed', '--ttl', '8h']));
  const statuses = new Map<string, number>();
  const firstRefusals = new Map<string, string>();
  const started = Date.now();
  let requests = 0;

  const phase = async (name: string, work: (index: number) => Promise<void>) => {
    const bar = new SingleBar({
      format: `${name.padEnd(11)} {bar} {value}/{total} customers | {rate} requests/s | eta {eta_formatted}`,
      hideCursor: true,
    });
    const phaseStart = Date.now();
    const phaseRequests = requests;
    bar.start(customers, 0, { rate: '0' });
    let nextIndex = 0;
    let done = 0;
    const worker = async () => {
      while (nextIndex < customers) {
        const index = nextIndex++;
        await work(index);
        done++;
        bar.update(done, { rate: ((requests - phaseRequests) / Math.max((Date.now() - phaseStart) / 1000, 0.001)).toFixed(0) });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    bar.stop();
  };
  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; text: string }> => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    requests++;
    const label = `${path.split(/[/?]/)[1]} ${answer.status}`;
    if (answer.status >= 400 && !firstRefusals.has(label)) firstRefusals.set(label, `${method} ${path}: ${text.slice(0, 200)}`);
    statuses.set(label, (statuses.get(label) ?? 0) + 1);
    return { status: answer.status, text };
  };
  const send = async (request: SeedRequest): Promise<void> => {
    await call(request.method, request.path, { authorization: `Bearer ${token}`, 'idempotency-key': request.idempotencyKey }, request.body);
  };
  const sendAll = async (list: readonly SeedRequest[]) => {
    for (const request of list) await send(request);
  };
  // The customer's side of a survey: the link in the outbox message, then the answer (no login; a rerun is a 409).
  const answerSurvey = async (index: number) => {
    const { answer, customerId } = customerPlan(seed, index);
    if (!answer) return;
    const outbox = await call('GET', `/surveys/outbox?customerId=${customerId}&limit=1`, { authorization: `Bearer ${token}` });
    const link = outbox.status === 200 ? (JSON.parse(outbox.text) as { items: { link: string }[] }).items[0]?.link : undefined;
    if (!link) return;
    const surveyToken = new URL(link).searchParams.get('token');
    await call('POST', '/surveys/respond', {}, { token: surveyToken, ...answer });
  };
  // Registrations first; the other contexts accept a customer once their directory projection has it.
  await phase('registering', (index) => sendAll(customerPlan(seed, index).registration));
  await waitCaughtUp(new URL(base));
  await phase('history', (index) => sendAll(customerPlan(seed, index).history));
  // Invitations reach the outbox through the delivery processor: answer once it has caught up.
  await waitCaughtUp(new URL(base));
  await phase('answers', answerSurvey);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${customers} customers (seed ${seed}) in ${seconds.toFixed(1)} s: ${(customers / seconds).toFixed(0)} customers/s, ${(requests / seconds).toFixed(0)} requests/s against ${base}`,
  );
  console.log('answers by route and status (a 4xx is a rule the platform applied, e.g. a redemption without enough points):');
  for (const [label, count] of [...statuses].sort())
    console.log(`  ${label}: ${count}${firstRefusals.has(label) ? ` (first: ${firstRefusals.get(label)})` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
