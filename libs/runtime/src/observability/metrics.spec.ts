import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { ToyLedgerModule } from './testing/toy-ledger.context';

/** One sample of a scrape: `name{labels} value`, labels matched as given (any order, a subset). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_0-9]+)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[3] ?? '';
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`))) return Number(match[4]);
  }
  return undefined;
}

describe('/metrics', () => {
  let platform: TestPlatform;
  afterEach(() => platform.close());

  const scrape = async () => {
    const response = await platform.as('admin').get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    return response.text;
  };

  it('counts commands by outcome, events, processor progress and requests, and moves when commands run', async () => {
    platform = await createTestPlatform({ imports: [ToyLedgerModule] });
    const before = await scrape();
    expect(sample(before, 'c360_commands_total', { aggregate: 'toy-account', outcome: 'ok' })).toBeUndefined();
    expect(sample(before, 'c360_process_cpu_user_seconds_total')).toBeGreaterThan(0);

    await platform.http.post('/toy-accounts/a1').send({ owner: 'x' }).expect(201);
    for (let i = 0; i < 3; i++) await platform.http.post('/toy-accounts/a1/deposits').send({ amount: 5 }).expect(201);
    await platform.http.post('/toy-accounts/a1/withdrawals').send({ amount: 500 }).expect(409);
    await platform.http.post('/toy-accounts/a1/deposits').set('If-Match', '0').send({ amount: 5 }).expect(409);
    await platform.processors.waitUntilCaughtUp();

    const after = await scrape();
    const toy = { aggregate: 'toy-account' };
    expect(sample(after, 'c360_commands_total', { ...toy, command: 'deposit', outcome: 'ok' })).toBe(3);
    expect(sample(after, 'c360_commands_total', { ...toy, command: 'withdraw', outcome: 'rule_violation' })).toBe(1);
    expect(sample(after, 'c360_commands_total', { ...toy, command: 'deposit', outcome: 'conflict' })).toBe(1);
    expect(sample(after, 'c360_command_duration_seconds_count', { ...toy, command: 'deposit', outcome: 'ok' })).toBe(3);
    expect(sample(after, 'c360_events_appended_total', toy)).toBe(4);

    const projection = { processor: 'toys:projection:toy-balances_v1', kind: 'projection' };
    expect(sample(after, 'c360_processor_position', projection)).toBe(4);
    expect(sample(after, 'c360_processor_lag_events', projection)).toBe(0);
    expect(sample(after, 'c360_processor_lag_seconds', projection)).toBe(0);
    expect(sample(after, 'c360_processor_stopped', projection)).toBe(0);
    const [status] = await platform.processors.statuses();
    expect(sample(after, 'c360_processor_state', { ...projection, state: status.state })).toBe(1);
    expect(sample(after, 'c360_processor_events_total', projection)).toBe(4);
    expect(sample(after, 'c360_processor_batch_duration_seconds_count', projection)).toBeGreaterThanOrEqual(1);

    const deposits = { method: 'POST', route: '/toy-accounts/:id/deposits' };
    expect(sample(after, 'c360_http_request_duration_seconds_count', { ...deposits, status: '201' })).toBe(3);
    expect(
      sample(after, 'c360_http_errors_total', { route: '/toy-accounts/:id/withdrawals', status: '409', code: 'toy.insufficient-funds' }),
    ).toBe(1);
    expect(sample(after, 'c360_http_errors_total', { route: '/toy-accounts/:id/deposits', code: 'concurrency_conflict' })).toBe(1);
  });

  it('shows a processor that stopped on an error, with its lag', async () => {
    platform = await createTestPlatform({ imports: [ToyLedgerModule] });
    await platform.http.post('/toy-accounts/b1').send({ owner: 'x' }).expect(201);
    await platform.processors.waitUntilCaughtUp();
    await platform.processors.runner('toys:projection:toy-balances_v1')?.stop();
    await platform.http.post('/toy-accounts/b1/deposits').send({ amount: 5 }).expect(201);

    const text = await scrape();
    const projection = { processor: 'toys:projection:toy-balances_v1' };
    expect(sample(text, 'c360_processor_stopped', projection)).toBe(1);
    expect(sample(text, 'c360_processor_lag_events', projection)).toBe(1);
    expect(sample(text, 'c360_processor_lag_seconds', projection)).toBeGreaterThanOrEqual(0);
  });

  it('moves to its own port with METRICS_PORT, off the API', async () => {
    platform = await createTestPlatform({ imports: [ToyLedgerModule], env: { METRICS_PORT: '0' } });
    await platform.as('admin').get('/metrics').expect(404);
    const { MetricsServer } = await import('./metrics/metrics-server');
    const port = platform.app.get(MetricsServer).port();
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/c360_processor_lag_events\{processor="toys:projection:toy-balances_v1",kind="projection"\} 0/);
  });
});
