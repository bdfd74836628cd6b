import { LogCapture } from './logging/log-capture';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { ToyLedgerModule } from './testing/toy-ledger.context';

describe('a request followed through the log by its correlation id', () => {
  let platform: TestPlatform;
  let logs: LogCapture;
  beforeEach(async () => {
    logs = new LogCapture();
    platform = await createTestPlatform({ imports: [ToyLedgerModule], logs, env: { LOG_LEVEL: 'log' } });
  });
  afterEach(() => platform.close());

  const events = async () => (await platform.stores.eventStore.readAll({ maxCount: 100 })).events;

  it('finds the caller’s X-Correlation-Id in the response, the request line, the event metadata and the projection’s batch line', async () => {
    const correlationId = 'journey-7f3a';
    const response = await platform.http.post('/toy-accounts/c1').set('X-Correlation-Id', correlationId).send({ owner: 'x' }).expect(201);
    expect(response.headers['x-correlation-id']).toBe(correlationId);
    await platform.processors.waitUntilCaughtUp();

    const [event] = await events();
    expect(event.metadata.correlationId).toBe(correlationId);

    const entries = logs.entries();
    const request = entries.find((entry) => entry.msg === 'request completed');
    expect(request).toMatchObject({ correlationId, method: 'POST', route: '/toy-accounts/:id', status: 201, level: 30 });
    expect(request?.durationMs).toEqual(expect.any(Number));
    // A Nest Logger call inside the request carries the id through AsyncLocalStorage.
    expect(entries.find((entry) => entry.msg === 'opening a toy account')).toMatchObject({ correlationId, context: 'ToyAccounts' });

    const batch = entries.find((entry) => entry.msg === 'batch handled' && entry.processor === 'toys:projection:toy-balances_v1');
    expect(batch).toMatchObject({ correlationId, correlationIds: [correlationId], correlationCount: 1, events: 1, kind: 'projection' });
    expect(batch?.durationMs).toEqual(expect.any(Number));
  });

  it('generates a correlation id when the caller sends none, and refuses one that could break a log line', async () => {
    const response = await platform.http.post('/toy-accounts/c2').send({ owner: 'x' }).expect(201);
    const generated = response.headers['x-correlation-id'];
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await platform.http.post('/toy-accounts/c2/deposits').set('X-Correlation-Id', 'a b\u00e9"').send({ amount: 1 }).expect(201);
    expect(odd.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    await platform.processors.waitUntilCaughtUp();

    expect((await events()).map((event) => event.metadata.correlationId)).toEqual([generated, odd.headers['x-correlation-id']]);
    expect(logs.grep(generated).length).toBeGreaterThanOrEqual(2); // its request line and its batch line
  });

  it('writes no request line for scrapes and probes, and one JSON object a line for everything else', async () => {
    await platform.as('admin').get('/metrics').expect(200);
    await platform.http.get('/health/live').expect(200);
    await platform.http.get('/nowhere').expect(404);
    const requests = logs.entries().filter((entry) => entry.msg === 'request completed');
    expect(requests).toEqual([expect.objectContaining({ route: 'unmatched', status: 404, level: 40 })]);
  });
});
