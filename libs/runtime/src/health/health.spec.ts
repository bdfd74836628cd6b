import { streamName, uuidv7, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ProcessorHost } from '../processors/processor-host';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';

/** A processor that cannot handle one kind of event: it must stop and say so in /health/ready. */
class PickyProcessor implements EventProcessor {
  readonly name = 'picky-reactor';
  readonly filter = { eventTypes: ['test.fine', 'test.poison'] };
  async handle(events: readonly EventEnvelope[]) {
    if (events.some((event) => event.type === 'test.poison')) throw new Error('does not know what to do with poison');
  }
}

@Module({})
class PickyModule implements OnModuleInit {
  constructor(private readonly processors: ProcessorHost) {}
  onModuleInit() {
    this.processors.register(new PickyProcessor());
  }
}

describe('/health/ready', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [PickyModule], env: { HEALTH_MAX_LAG: '5' } });
  });
  afterEach(() => platform.close());

  const append = (type: string) =>
    platform.stores.eventStore.appendToStream(
      streamName('test', 'thing', uuidv7()),
      [
        {
          id: uuidv7(),
          type,
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00Z',
          data: {},
          metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' } },
        },
      ],
      { expectedRevision: 'no_stream' },
    );

  it('answers 503 naming a processor that stopped on an event it cannot handle', async () => {
    await append('test.fine');
    await append('test.poison');
    const runner = platform.processors.runner('picky-reactor');
    await expect(runner?.waitFor(2, 2_000)).rejects.toThrow(/failed/);
    const response = await platform.http.get('/health/ready').expect(503);
    expect(response.body.status).toBe('unavailable');
    expect(response.body.problems.join(' ')).toMatch(/picky-reactor failed: .*poison/);
  });

  it('answers 503 when a processor lags beyond HEALTH_MAX_LAG', async () => {
    await platform.processors.runner('picky-reactor')?.stop();
    for (let i = 0; i < 7; i++) await append('test.fine');
    const response = await platform.http.get('/health/ready').expect(503);
    expect(response.body.problems.join(' ')).toMatch(/picky-reactor is 7 positions behind \(limit 5\)/);
  });
});
