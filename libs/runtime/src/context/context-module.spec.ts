import {
  CommandHandler,
  DomainError,
  streamName,
  type AggregateType,
  type CommandContext,
  type DocumentProjection,
  type DocumentStore,
  type UseCaseResult,
  type Workflow,
  useCaseResult,
} from '@c360/kernel';
import { SqliteDocumentStore, SqliteEventStore } from '@c360/store-sqlite';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsNotEmpty, IsString } from 'class-validator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Roles } from '../auth/access.decorators';
import { TEST_AUTH_SECRET, authHeaders } from '../testing/test-tokens';
import { loadConfig } from '../config/platform-config';
import { CommandBus, ContextCommand, HandlesCommand, contextOf, type ICommandHandler } from '../cqrs/context-command';
import { RequestCommandContext } from '../http/command-context.decorator';
import { createHttpApp } from '../http/http-app';
import { DOCUMENT_STORE } from '../infrastructure/tokens';
import { ServiceModule } from '../service/service.module';
import { defineContext } from './context-definition';
import { ContextModule } from './context.module';

/**
 * A throw-away fourth context, built from its definition alone and started exactly as `npm start`
 * starts the platform (ServiceModule + createHttpApp): its route answers through the CommandBus, its
 * projection builds documents behind the index it declared, its workflow reacts on the durable
 * subscription, and the upcaster it declares turns a v1 event already in the log into today's shape.
 */

type MemoCommand = { readonly type: 'write'; readonly text: string; readonly author: string } | { readonly type: 'flag' };
type MemoEvent =
  | { readonly type: 'memos.memo-written'; readonly data: { readonly memoId: string; readonly text: string; readonly author: string } }
  | { readonly type: 'memos.memo-flagged'; readonly data: { readonly memoId: string } };
type MemoState = { readonly status: 'none' } | { readonly status: 'written'; readonly memoId: string; readonly flagged: boolean };

const memoStream = (memoId: string) => streamName('memos', 'memo', memoId);
const memoAggregate: AggregateType<MemoCommand & { readonly memoId?: string }, MemoEvent, MemoState> = {
  name: 'memo',
  eventSchemas: { 'memos.memo-written': 2, 'memos.memo-flagged': 1 },
  decider: {
    initialState: { status: 'none' },
    decide(command, state) {
      if (command.type === 'write') {
        if (state.status !== 'none') throw new DomainError('memos.already-written', 'The memo exists', 'conflict');
        return [{ type: 'memos.memo-written', data: { memoId: command.memoId ?? '', text: command.text, author: command.author } }];
      }
      if (state.status === 'none') throw new DomainError('memos.not-found', 'No such memo', 'not-found');
      return state.flagged ? [] : [{ type: 'memos.memo-flagged', data: { memoId: state.memoId } }];
    },
    evolve(state, event) {
      if (event.type === 'memos.memo-written') return { status: 'written', memoId: event.data.memoId, flagged: false };
      return state.status === 'written' ? { ...state, flagged: true } : state;
    },
  },
};

interface MemoDocument {
  readonly memoId: string;
  readonly text: string;
  readonly author: string;
  readonly flagged: boolean;
}

const memoBoard: DocumentProjection<MemoDocument, MemoEvent> = {
  name: 'memo-board',
  version: 1,
  handles: ['memos.memo-written', 'memos.memo-flagged'],
  indexes: [{ fields: ['author'] }],
  documentIds: (event) => [event.data.memoId],
  evolve(doc, event) {
    if (event.type === 'memos.memo-written') return { ...event.data, flagged: false };
    return doc && { ...doc, flagged: true };
  },
};

class WriteMemo extends ContextCommand<UseCaseResult<MemoState>> {
  constructor(
    readonly memoId: string,
    readonly input: { readonly text: string; readonly author: string },
    context?: CommandContext,
  ) {
    super(context);
  }
}
class FlagMemo extends ContextCommand<UseCaseResult<MemoState>> {
  constructor(
    readonly memoId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

@HandlesCommand(WriteMemo)
class WriteMemoHandler implements ICommandHandler<WriteMemo> {
  constructor(private readonly commands: CommandHandler) {}
  async execute(command: WriteMemo) {
    const { memoId, input } = command;
    return useCaseResult(
      await this.commands.handle(memoAggregate, memoStream(memoId), { type: 'write', memoId, ...input }, contextOf(command)),
    );
  }
}
@HandlesCommand(FlagMemo)
class FlagMemoHandler implements ICommandHandler<FlagMemo> {
  constructor(private readonly commands: CommandHandler) {}
  async execute(command: FlagMemo) {
    return useCaseResult(await this.commands.handle(memoAggregate, memoStream(command.memoId), { type: 'flag' }, contextOf(command)));
  }
}

/** Shouting is flagged for review: a memo with "!" in it. */
const shoutingMemos: Workflow<Extract<MemoEvent, { type: 'memos.memo-written' }>, FlagMemo> = {
  name: 'memos-shouting',
  handles: ['memos.memo-written'],
  initialState: undefined,
  decide: (event) => (event.data.text.includes('!') ? [{ command: new FlagMemo(event.data.memoId) }] : []),
};

class WriteMemoDto {
  @IsString() @IsNotEmpty() text!: string;
  @IsString() @IsNotEmpty() author!: string;
}

@Controller('memos')
@Roles('agent')
class MemosController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post(':memoId')
  async write(@Param('memoId') memoId: string, @Body() body: WriteMemoDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new WriteMemo(memoId, body, context));
    return { memoId, version: result.revision };
  }

  @Get(':memoId')
  async read(@Param('memoId') memoId: string) {
    const doc = await this.documents.get<MemoDocument>('memo-board_v1', memoId);
    if (!doc) throw new DomainError('memos.not-found', `No memo ${memoId}`, 'not-found');
    return doc;
  }
}

const memosContext = defineContext({
  name: 'memos',
  description: 'Memos: a throw-away context proving that a definition alone is enough',
  aggregates: [memoAggregate],
  projections: [memoBoard],
  workflows: [shoutingMemos],
  // v1 stored the text as `body` and had no author.
  upcasters: [
    {
      type: 'memos.memo-written',
      fromVersion: 1,
      upcast: (data) => ({ memoId: (data as { memoId: string }).memoId, text: (data as { body: string }).body, author: 'unknown' }),
    },
  ],
  controllers: [MemosController],
  providers: [WriteMemoHandler, FlagMemoHandler],
});

describe('a context from its definition alone', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request.agent>;

  const until = async <T>(read: () => Promise<T | undefined>): Promise<T> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('condition not reached');
  };
  const memo = (memoId: string) =>
    until(async () => {
      const response = await http.get(`/memos/${memoId}`);
      return response.status === 200 ? (response.body as MemoDocument) : undefined;
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-context-'));
    const config = loadConfig({
      C360_DATA_DIR: dataDir,
      SQLITE_DURABILITY: 'normal',
      TOPICS: 'off',
      LOG_LEVEL: 'error',
      C360_AUTH_SECRET: TEST_AUTH_SECRET,
    });
    // A memo written by the first version of the context, before its schema changed.
    const events = new SqliteEventStore({ file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '' });
    await events.appendToStream(
      memoStream('old'),
      [
        {
          id: '0190a5c4-0000-7000-8000-0000000000a1',
          type: 'memos.memo-written',
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00.000Z',
          data: { memoId: 'old', body: 'written under v1' },
          metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'spec', role: 'system' } },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await events.close();

    app = await createHttpApp(ServiceModule.forRoot(config, [ContextModule.register(memosContext)]), 'error');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    http = request.agent(app.getHttpServer()).set(authHeaders('agent'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves its routes through the CommandBus, and its projection shows the result', async () => {
    const written = await http.post('/memos/m-1').send({ text: 'hello', author: 'ann' }).expect(201);
    expect(written.body).toEqual({ memoId: 'm-1', version: 0 });
    expect(await memo('m-1')).toMatchObject({ memoId: 'm-1', text: 'hello', author: 'ann', flagged: false });
  });

  it('runs its workflow on the durable subscription', async () => {
    await http.post('/memos/m-2').send({ text: 'hello!', author: 'bo' }).expect(201);
    const flagged = await until(async () => {
      const doc = await memo('m-2');
      return doc.flagged ? doc : undefined;
    });
    expect(flagged).toMatchObject({ memoId: 'm-2', flagged: true });
  });

  it('applies the upcasters it declares to events already in the log', async () => {
    expect(await memo('old')).toMatchObject({ memoId: 'old', text: 'written under v1', author: 'unknown' });
  });

  it('creates the index its projection declares', async () => {
    const documents = app.get<SqliteDocumentStore>(DOCUMENT_STORE);
    const indexes = documents.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[];
    expect(indexes.map((index) => index.name)).toContain('ix_memo_board_v1_author');
  });

  it('lists its processors under checkpoint names derived from the definition', async () => {
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.processors.map((processor: { name: string }) => processor.name).sort()).toEqual([
      'memos:projection:memo-board_v1',
      'memos:workflow:memos-shouting',
    ]);
  });
});
