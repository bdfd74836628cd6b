import { streamName, uuidv7, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ProcessorHost } from '../processors/processor-host';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';

/** A processor that cannot handle one kind of event: it must stop and say so in /health/ready. */
class PickyProcessor implements EventProcessor {
  readonly name: string = 'picky-reactor';
  readonly filter = { eventTypes: ['test.fine', 'test.poison'] };
  async handle(events: readonly EventEnvelope[]) {
    if (events.some((event) => event.type === 'test.poison')) throw new Error('does not know what to do with poison');
  }
}

/** A read model (its checkpoint follows the projection naming rule) that refuses one event. */
class PickyProjection extends PickyProcessor {
  override readonly name = 'test:projection:picky_v1';
}

@Module({})
class PickyModule implements OnModuleInit {
  constructor(private readonly processors: ProcessorHost) {}
  onModuleInit() {
    this.processors.register(new PickyProcessor());
  }
}

@Module({})
class PickyReadModelModule implements OnModuleInit {
  constructor(private readonly processors: ProcessorHost) {}
  onModuleInit() {
    this.processors.register(new PickyProjection(), { context: 'test' });
  }
}

const newEvent = (type: string) => ({
  id: uuidv7(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00Z',
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' as const } },
});

describe('/health', () => {
  let platform: TestPlatform;
  afterEach(() => platform.close());
  const append = (type: string) =>
    platform.stores.eventStore.appendToStream(streamName('test', 'thing', uuidv7()), [newEvent(type)], { expectedRevision: 'no_stream' });

  describe('a stopped or lagging reaction', () => {
    beforeEach(async () => {
      platform = await createTestPlatform({ imports: [PickyModule], env: { HEALTH_MAX_LAG: '5' } });
    });

    it('degrades its own component, naming the event it stopped on, not the whole platform', async () => {
      await append('test.fine');
      await append('test.poison');
      const runner = platform.processors.runner('picky-reactor');
      await expect(runner?.waitFor(2, 2_000)).rejects.toThrow(/failed/);
      const response = await platform.http.get('/health/ready').expect(200);
      expect(response.body.status).toBe('degraded');
      expect(response.body.problems.join(' ')).toMatch(/picky-reactor failed: .*poison/);
      const component = await platform.http.get('/health/ready/picky-reactor').expect(503);
      expect(component.body).toMatchObject({ name: 'picky-reactor', state: 'failed' });
    });

    it('counts lag in events of its own filter, beyond HEALTH_MAX_LAG', async () => {
      await platform.processors.runner('picky-reactor')?.stop();
      for (let i = 0; i < 7; i++) await append('test.fine');
      for (let i = 0; i < 3; i++) await append('test.other'); // not its work: does not count
      const response = await platform.http.get('/health/ready').expect(200);
      expect(response.body.problems.join(' ')).toMatch(/picky-reactor is 7 events behind \(limit 5\)/);
      const [status] = response.body.processors;
      expect(status).toMatchObject({ lag: 7, positionsBehind: 10, component: 'picky-reactor' });
      expect(status.lagSeconds).toBeGreaterThan(0);
      await platform.http.get('/health/ready/picky-reactor').expect(503);
    });

    it('answers live at once, and 404 naming the components for an unknown one', async () => {
      await platform.http.get('/health/live').expect(200, { status: 'ok' });
      const response = await platform.http.get('/health/ready/nope').expect(404);
      expect(response.body.message).toMatch(/No component "nope"; components: picky-reactor/);
    });
  });

  it('answers 503 when a read model has stopped: its queries would stay stale', async () => {
    platform = await createTestPlatform({ imports: [PickyReadModelModule] });
    await append('test.poison');
    await expect(platform.processors.runner('test:projection:picky_v1')?.waitFor(1, 2_000)).rejects.toThrow(/failed/);
    const response = await platform.http.get('/health/ready').expect(503);
    expect(response.body.status).toBe('unavailable');
    expect(response.body.components).toEqual([expect.objectContaining({ name: 'test:read-models', state: 'failed', servesReads: true })]);
  });
});
