import { EventProcessingError, streamName, uuidv7, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { Module, type OnModuleInit } from '@nestjs/common';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { ProcessorHost } from './processor-host';

/** Stops on poison until told it has been fixed. */
class Fixable implements EventProcessor {
  readonly name = 'demo:processor:fixable';
  readonly seen: string[] = [];
  fixed = false;
  async handle(events: readonly EventEnvelope[]) {
    const poison = events.find((event) => event.type === 'test.poison');
    if (!this.fixed && poison) throw new EventProcessingError(poison, this.name, new Error('cannot read poison'));
    this.seen.push(...events.map((event) => event.type));
  }
}
const fixable = new Fixable();

@Module({})
class FixableModule implements OnModuleInit {
  constructor(private readonly processors: ProcessorHost) {}
  onModuleInit() {
    this.processors.register(fixable, { context: 'demo' });
  }
}

describe('/admin/processors', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    fixable.fixed = false;
    fixable.seen.length = 0;
    platform = await createTestPlatform({ imports: [FixableModule] });
    await platform.stores.eventStore.appendToStream(
      streamName('test', 'thing', uuidv7()),
      ['test.fine', 'test.poison', 'test.fine'].map((type) => ({
        id: uuidv7(),
        type,
        schemaVersion: 1,
        occurredAt: '2026-01-01T00:00:00Z',
        data: {},
        metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' as const } },
      })),
      { expectedRevision: 'no_stream' },
    );
    await expect(platform.processors.runner(fixable.name)?.waitFor(3, 2_000)).rejects.toThrow(/failed/);
  });
  afterEach(() => platform.close());

  it('lists processors with state, lag and the event a stopped one failed on', async () => {
    const response = await platform.as('admin').get('/admin/processors').expect(200);
    expect(response.body.processors).toEqual([
      expect.objectContaining({
        name: fixable.name,
        state: 'failed',
        component: 'demo:reactions',
        failedAt: expect.objectContaining({ position: 2 }),
      }),
    ]);
  });

  it('restarts a stopped processor once its cause is fixed', async () => {
    fixable.fixed = true;
    await platform.as('admin').post(`/admin/processors/${fixable.name}/restart`).expect(202);
    await platform.processors.runner(fixable.name)?.waitFor(3);
    expect(fixable.seen).toEqual(['test.fine', 'test.poison', 'test.fine']);
  });

  it('skips the event it stopped on (URL-encoded name), and refuses a bad position naming the field', async () => {
    await platform
      .as('admin')
      .post(`/admin/processors/${encodeURIComponent(fixable.name)}/skip`)
      .send({ position: 'two' })
      .expect(400)
      .expect((response) => expect(response.body.fields).toEqual([{ field: 'position', problems: ['position must be an integer >= 1'] }]));
    const response = await platform
      .as('admin')
      .post(`/admin/processors/${encodeURIComponent(fixable.name)}/skip`)
      .expect(202);
    expect(response.body.skipped).toBe(2);
    await platform.processors.runner(fixable.name)?.waitFor(3);
    expect(fixable.seen).toEqual(['test.fine', 'test.fine']);
    await platform.as('admin').post(`/admin/processors/${fixable.name}/skip`).expect(409);
  });

  it('answers 404 naming the processors for an unknown name', async () => {
    const response = await platform.as('admin').post('/admin/processors/nope/restart').expect(404);
    expect(response.body.message).toMatch(/No processor "nope"; processors: demo:processor:fixable/);
  });
});
