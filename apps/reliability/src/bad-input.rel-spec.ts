import { fuzzableOperations, invalidRequest, wrongAnswer, type FuzzOperation, type FuzzRequest } from '@c360/runtime/testing';
import fc from 'fast-check';
import { EventLog } from './support/event-log';
import { PlatformClient, pool } from './support/http-client';
import { PlatformProcess, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';

const TOTAL = Number(process.env.C360_RELIABILITY_INVALID ?? 10_000);
const CONCURRENCY = 8;

/**
 * At least 10,000 generated invalid requests (the api-fuzz generators, read from the real process's
 * /openapi.json) to every REST operation that takes input, plus malformed requests below the DTOs
 * (bodies that are not JSON, wrong charsets, oversized bodies, bad headers). Never a 5xx, the process
 * stays up, the log's head does not move, and every refusal names the problem (the field for a 400).
 */
describe('bad input to every service API of the real process', () => {
  afterAll(() => stopAllPlatforms());

  it('answers every invalid request with a 4xx naming the problem, writes nothing and stays up', async () => {
    const platform = await PlatformProcess.start();
    const client = new PlatformClient(() => platform.url);
    const document = await client.expect<Parameters<typeof fuzzableOperations>[0]>(200, 'GET', '/openapi.json', { as: null });
    const operations = fuzzableOperations(document);
    const partnerKey = (
      await client.expect<{ apiKey: string }>(201, 'POST', '/loyalty/partners', { as: 'supervisor', body: { name: 'FuzzAir' } })
    ).apiKey;
    await platform.waitCaughtUp();
    const log = new EventLog(platform.dataDir);
    const head = log.head();

    const send = (operation: FuzzOperation, request: FuzzRequest) =>
      client.request(operation.method.toUpperCase(), request.url, {
        as: operation.credential ? null : operation.role,
        headers: operation.credential ? { 'X-Partner-Key': partnerKey } : {},
        ...(request.body === undefined ? {} : { raw: JSON.stringify(request.body) }),
      });

    const perOperation = Math.ceil(TOTAL / operations.length);
    const failures: string[] = [];
    let sent = 0;
    const started = performance.now();
    for (const [index, operation] of operations.entries()) {
      const requests = fc.sample(invalidRequest(operation), { numRuns: perOperation, seed: 21 + index });
      await pool(requests.length, CONCURRENCY, async (n) => {
        const answer = await send(operation, requests[n]);
        sent++;
        const wrong = wrongAnswer(requests[n], answer.status, answer.body);
        if (wrong) failures.push(`${operation.method.toUpperCase()} ${requests[n].url.slice(0, 160)} → ${wrong}`);
      });
      if (log.head() !== head) failures.push(`${operation.method.toUpperCase()} ${operation.path}: the log moved to ${log.head()}`);
    }

    // Below the DTOs: what a client can get wrong before validation runs.
    const malformed: Array<[string, string, string, Parameters<PlatformClient['request']>[2]]> = [
      ['not JSON', 'POST', '/customers', { raw: '{"name": ' }],
      ['JSON with a BOM', 'POST', '/customers', { raw: '\ufeff{"name":{"first":"A"}}' }],
      ['a charset other than UTF-8', 'POST', '/customers', { raw: '{}', headers: { 'Content-Type': 'application/json; charset=latin1' } }],
      ['text/plain', 'POST', '/purchases', { raw: 'hello', headers: { 'Content-Type': 'text/plain' } }],
      ['an array body', 'POST', '/purchases', { raw: '[]' }],
      ['a null body', 'POST', '/tickets', { raw: 'null' }],
      ['a 2 MB body', 'POST', '/customers', { raw: JSON.stringify({ name: { first: 'x'.repeat(2_000_000) } }) }],
      ['deeply nested JSON', 'POST', '/customers', { raw: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` }],
      [
        'a malformed Idempotency-Key',
        'POST',
        '/loyalty/accounts',
        { body: { customerId: '0190a000-0000-7000-8000-000000000001' }, idempotencyKey: 'not-a-uuid' },
      ],
      ['an unknown route', 'GET', '/no/such/route', {}],
      ['a cursor that is not one', 'GET', '/loyalty/accounts/0190a000-0000-7000-8000-000000000001/ledger?after=%00%00', {}],
      ['a prototype-polluting body', 'POST', '/customers', { raw: '{"__proto__":{"role":"admin"},"name":{"first":"A"}}' }],
    ];
    for (const [what, method, path, options] of malformed) {
      const answer = await client.request(method, path, options);
      sent++;
      const named = typeof answer.body?.message === 'string' && answer.body.message.length > 0 && answer.body.statusCode === answer.status;
      const fields = Array.isArray(answer.body?.fields) && (answer.body.fields as unknown[]).length > 0;
      if (answer.status < 400 || answer.status >= 500 || !named || (answer.status === 400 && !fields))
        failures.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const moved = log.head() - head;
    log.close();
    const live = await client.request('GET', '/health/live', { as: null });

    report({
      case: 'bad input (REST)',
      load: `${operations.length} operations, ${(sent / seconds).toFixed(0)} req/s over ${seconds.toFixed(0)} s, ${CONCURRENCY} in flight`,
      faults: '—',
      invalidInputs: sent,
      lost: 0,
      duplicated: moved,
      notes: `${failures.length} answers wrong; log head moved by ${moved}; process ${platform.alive && live.status === 200 ? 'up' : 'DOWN'} after the run`,
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(moved).toBe(0);
    expect(platform.alive).toBe(true);
    expect(live.status).toBe(200);
  }, 600_000);
});
