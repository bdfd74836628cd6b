import { Roles } from '../auth/access.decorators';
import { ACCESS } from '../auth/roles';
import { DocumentProjector, uuidv7, type DocumentProjection, type DocumentStore, type EventStore } from '@c360/kernel';
import { Body, Controller, Get, Inject, Module, Param, Post, type OnModuleInit } from '@nestjs/common';
import { DOCUMENT_STORE, EVENT_STORE } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';

interface Note {
  readonly text: string;
}

const notes: DocumentProjection<Note> = {
  name: 'notes',
  version: 1,
  handles: ['test.note-written'],
  documentIds: (event) => [(event.data as { id: string }).id],
  evolve: (_doc, event) => ({ text: (event.data as { text: string }).text }),
};
const PROJECTOR = 'test:projection:notes_v1';

/** A write that appends and a read from the read model: nothing in it knows about positions. */
// Spec routes declare their roles like every route (the role table, ADR 0011).
@Roles(...ACCESS.work)
@Controller('notes')
class NotesController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post()
  async write(@Body() body: { id: string; text: string }) {
    await this.events.appendToStream(
      `test-note-${body.id}`,
      [
        {
          id: uuidv7(),
          type: 'test.note-written',
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00Z',
          data: body,
          metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' } },
        },
      ],
      { expectedRevision: 'any' },
    );
    return { id: body.id };
  }

  @Get(':id')
  async read(@Param('id') id: string) {
    return { note: await this.documents.get('notes_v1', id) };
  }
}

@Module({ controllers: [NotesController] })
class NotesModule implements OnModuleInit {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}
  onModuleInit() {
    this.processors.register(new DocumentProjector(notes, this.documents, PROJECTOR), { context: 'test' });
  }
}

describe('read your own writes', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [NotesModule], env: { READ_MIN_POSITION_WAIT_MS: '100' } });
  });
  afterEach(() => platform.close());

  it('answers a write with the position it reached, and a read that asks for it sees the change', async () => {
    const written = await platform.http.post('/notes').send({ id: 'n-1', text: 'called back' }).expect(201, { id: 'n-1' });
    const position = written.headers['c360-position'];
    expect(position).toBe('1');
    const read = await platform.http.get('/notes/n-1').set('C360-Min-Position', position).expect(200);
    expect(read.body.note).toMatchObject({ text: 'called back', _position: 1 });
    const byQuery = await platform.http.get(`/notes/n-1?minPosition=${position}`).expect(200);
    expect(byQuery.body.note.text).toBe('called back');
  });

  it('answers 504 naming the position when the read models do not get there in time', async () => {
    await platform.processors.runner(PROJECTOR)?.stop();
    const written = await platform.http.post('/notes').send({ id: 'n-2', text: 'later' }).expect(201);
    const response = await platform.http.get('/notes/n-2').set('C360-Min-Position', written.headers['c360-position']).expect(504);
    expect(response.body).toMatchObject({ error: 'min_position_not_reached' });
    expect(response.body.message).toMatch(/did not reach position 1 within 100 ms/);
  });

  it('asks who is calling before it waits, and an error carries no position', async () => {
    // Waiting first would answer 504: the log never reaches 999999.
    const response = await platform.anonymous.get('/notes/n-1').set('C360-Min-Position', '999999').expect(401);
    expect(response.headers['c360-position']).toBeUndefined();
    await platform.anonymous.get('/notes/n-1').set('C360-Min-Position', 'soon').expect(401);
  });

  it('refuses a position that is not one, naming the header', async () => {
    const response = await platform.http.get('/notes/n-1').set('C360-Min-Position', 'soon').expect(400);
    expect(response.body.fields).toEqual([{ field: 'C360-Min-Position', problems: [expect.stringMatching(/integer >= 0/)] }]);
  });
});
