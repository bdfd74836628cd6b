import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { ToyLedgerModule } from './testing/toy-ledger.context';
import { traceIdFor } from './tracing/correlated-id-generator';

describe('traces', () => {
  let platform: TestPlatform;
  let exporter: InMemorySpanExporter;
  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    platform = await createTestPlatform({ imports: [ToyLedgerModule], spanExporter: exporter });
  });
  afterEach(() => platform.close());

  const named = (spans: readonly ReadableSpan[], prefix: string) => spans.filter((span) => span.name.startsWith(prefix));
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('follow a request through its command and append, and into the projection batch by the correlation id', async () => {
    const correlationId = '0190a5c4-1234-7000-8000-00000000abcd';
    await platform.http.post('/toy-accounts/t1').set('X-Correlation-Id', correlationId).send({ owner: 'x' }).expect(201);
    await platform.processors.waitUntilCaughtUp();
    const spans = exporter.getFinishedSpans();

    const [request] = named(spans, 'POST /toy-accounts/:id');
    const [command] = named(spans, 'command toy-account.open');
    const [append] = named(spans, 'append');
    const [batch] = named(spans, 'process toys:projection:toy-balances_v1');
    expect(request.kind).toBe(SpanKind.SERVER);
    expect(request.attributes).toMatchObject({ 'http.route': '/toy-accounts/:id', 'http.response.status_code': 201 });
    expect(command.attributes).toMatchObject({ 'c360.correlation_id': correlationId, 'c360.aggregate': 'toy-account' });
    expect(parentOf(command)).toBe(request.spanContext().spanId);
    expect(parentOf(append)).toBe(command.spanContext().spanId);
    expect(append.attributes).toMatchObject({ 'c360.stream_id': 'toy-account-t1', 'c360.events': 1 });

    // The batch runs later, on its own subscription, yet lands in the request's trace.
    const trace = traceIdFor(correlationId);
    expect(trace).toBe('0190a5c412347000800000000000abcd');
    for (const span of [request, command, append, batch]) expect(span.spanContext().traceId).toBe(trace);
    expect(batch.kind).toBe(SpanKind.CONSUMER);
    expect(batch.attributes['c360.correlation_ids']).toEqual([correlationId]);
  });

  it('continue a caller’s W3C traceparent for the request', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await platform.http.post('/toy-accounts/t2').set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`).send({ owner: 'x' }).expect(201);
    const [request] = named(exporter.getFinishedSpans(), 'POST /toy-accounts/:id');
    expect(request.spanContext().traceId).toBe(traceId);
    expect(parentOf(request)).toBe('00f067aa0ba902b7');
  });

  it('mark a refused command’s span as an error, naming the error, not its message', async () => {
    await platform.http.post('/toy-accounts/t3').send({ owner: 'x' }).expect(201);
    await platform.http.post('/toy-accounts/t3/withdrawals').send({ amount: 9 }).expect(409);
    const [command] = named(exporter.getFinishedSpans(), 'command toy-account.withdraw');
    expect(command.status).toMatchObject({ code: 2, message: 'DomainError' });
    expect(JSON.stringify(command.events)).not.toMatch(/Balance 0 is less than 9/);
  });
});
