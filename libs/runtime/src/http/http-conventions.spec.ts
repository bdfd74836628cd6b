import { CommandHandler, DomainError, streamName, type CommandContext, type DocumentProjection } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '@c360/kernel';
import { RequestCommandContext } from './command-context.decorator';
import { Roles } from '../auth/access.decorators';
import { DOCUMENT_STORE } from '../infrastructure/tokens';
import { ContextModule } from '../context/context.module';
import { defineContext } from '../context/context-definition';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';

class OpenDto {
  @IsString() @IsNotEmpty() owner!: string;
}
class DepositDto {
  @IsInt() @Min(1) @Max(1_000_000) amount!: number;
}

const balances: DocumentProjection<{ owner: string; balance: number }> = {
  name: 'toy-balance',
  version: 1,
  handles: ['toy.opened', 'toy.deposited', 'toy.withdrawn'],
  documentIds: (event) => [event.streamId],
  evolve(doc, event) {
    const data = event.data as { owner?: string; amount?: number };
    if (event.type === 'toy.opened') return { owner: data.owner ?? '', balance: 0 };
    const sign = event.type === 'toy.deposited' ? 1 : -1;
    return doc && { ...doc, balance: doc.balance + sign * (data.amount ?? 0) };
  },
};

@Controller('toys')
@Roles('agent')
class ToyController {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post(':id')
  async open(@Param('id') id: string, @Body() body: OpenDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(toyAccount, streamName('toy', 'account', id), { type: 'open', owner: body.owner }, context);
    return { version: result.revision, state: result.state, duplicate: result.duplicate };
  }

  @Post(':id/deposits')
  async deposit(@Param('id') id: string, @Body() body: DepositDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(
      toyAccount,
      streamName('toy', 'account', id),
      { type: 'deposit', amount: body.amount },
      context,
    );
    return { version: result.revision, state: result.state, duplicate: result.duplicate };
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const doc = await this.documents.get('toy-balance_v1', streamName('toy', 'account', id));
    if (!doc) throw new DomainError('toy.not-found', `No toy account ${id}`, 'not-found');
    return doc;
  }
}

const ToyModule = ContextModule.register(
  defineContext({
    name: 'toy',
    description: 'toy accounts for the HTTP convention specs',
    aggregates: [toyAccount],
    projections: [balances],
    controllers: [ToyController],
  }),
);

describe('HTTP conventions shared by every service', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [ToyModule] });
  });
  afterEach(() => platform.close());

  it('answers a command with the new version, and a projection shows it', async () => {
    const opened = await platform.http.post('/toys/a').send({ owner: 'ann' }).expect(201);
    expect(opened.body).toMatchObject({ version: 0, state: { status: 'open', owner: 'ann', balance: 0 } });
    await platform.http.post('/toys/a/deposits').send({ amount: 25 }).expect(201);
    await platform.processors.waitUntilCaughtUp();
    const read = await platform.http.get('/toys/a').expect(200);
    expect(read.body).toMatchObject({ owner: 'ann', balance: 25 });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    await platform.http.post('/toys/b').send({ owner: 'bo' }).expect(201);
    const response = await platform.http.post('/toys/b/deposits').send({ amount: 'lots', extra: 1 }).expect(400);
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'extra']);
    expect(await platform.stores.eventStore.readStream('toy-account-b')).toHaveLength(1);
  });

  it('maps a broken rule to its status and code', async () => {
    const response = await platform.http.post('/toys/nobody/deposits').send({ amount: 5 }).expect(404);
    expect(response.body).toMatchObject({ error: 'toy.not-open' });
    await platform.http.get('/toys/nobody').expect(404);
  });

  it('answers 409 with the current version when If-Match is stale', async () => {
    await platform.http.post('/toys/c').send({ owner: 'cy' }).expect(201);
    await platform.http.post('/toys/c/deposits').set('If-Match', '0').send({ amount: 1 }).expect(201);
    const conflict = await platform.http.post('/toys/c/deposits').set('If-Match', '0').send({ amount: 1 }).expect(409);
    expect(conflict.body).toMatchObject({ error: 'concurrency_conflict', currentVersion: 1 });
  });

  it('returns the first result for a repeated Idempotency-Key, and refuses a malformed one', async () => {
    await platform.http.post('/toys/d').send({ owner: 'di' }).expect(201);
    const key = randomUUID();
    const first = await platform.http.post('/toys/d/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(201);
    const again = await platform.http.post('/toys/d/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(201);
    expect(first.body.duplicate).toBe(false);
    expect(again.body).toMatchObject({ duplicate: true, version: first.body.version });
    expect(await platform.stores.eventStore.readStream('toy-account-d')).toHaveLength(2);
    await platform.http.post('/toys/d/deposits').set('Idempotency-Key', 'nope').send({ amount: 7 }).expect(400);
  });

  it('answers 422 to a reused Idempotency-Key with another body, path or caller, and writes nothing', async () => {
    await platform.http.post('/toys/f').send({ owner: 'fe' }).expect(201);
    await platform.http.post('/toys/g').send({ owner: 'gi' }).expect(201);
    const key = randomUUID();
    await platform.http.post('/toys/f/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(201);
    const reused = await platform.http.post('/toys/f/deposits').set('Idempotency-Key', key).send({ amount: 8 }).expect(422);
    expect(reused.body).toMatchObject({ error: 'idempotency-key-reused', fields: [{ field: 'Idempotency-Key' }] });
    await platform.http.post('/toys/g/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(422);
    await platform.as('agent', 'agent-2').post('/toys/f/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(422);
    // The same request again (the key's case does not matter): the first result.
    const again = await platform.http.post('/toys/f/deposits').set('Idempotency-Key', key.toUpperCase()).send({ amount: 7 }).expect(201);
    expect(again.body.duplicate).toBe(true);
    expect(await platform.stores.eventStore.readStream('toy-account-f')).toHaveLength(2);
    expect(await platform.stores.eventStore.readStream('toy-account-g')).toHaveLength(1);
  });

  it('lets concurrent requests with one key take turns: one runs, another body is refused, the same body is its duplicate', async () => {
    await platform.http.post('/toys/k').send({ owner: 'ko' }).expect(201);
    const key = randomUUID();
    const amounts = [3, 4, 3, 5];
    const replies = await Promise.all(
      amounts.map((amount) => platform.http.post('/toys/k/deposits').set('Idempotency-Key', key).send({ amount })),
    );
    // Whichever arrived first ran; the others are judged by it (the turns themselves: idempotency.guard.spec).
    const winners = replies.filter((reply) => reply.status === 201 && reply.body.duplicate === false);
    expect(winners).toHaveLength(1);
    const winner = amounts[replies.indexOf(winners[0])];
    replies.forEach((reply, i) => {
      if (reply === winners[0]) return;
      if (amounts[i] === winner) expect([reply.status, reply.body.duplicate]).toEqual([201, true]);
      else expect([reply.status, reply.body.error]).toEqual([422, 'idempotency-key-reused']);
    });
    expect(await platform.stores.eventStore.readStream('toy-account-k')).toHaveLength(2);
  });

  it('lets a request refused by validation be corrected and retried with the same key', async () => {
    await platform.http.post('/toys/h').send({ owner: 'ha' }).expect(201);
    const key = randomUUID();
    await platform.http.post('/toys/h/deposits').set('Idempotency-Key', key).send({ amount: 'seven' }).expect(400);
    await platform.http.post('/toys/h/deposits').set('Idempotency-Key', key).send({ amount: 7 }).expect(201);
  });

  it('reports readiness with every processor', async () => {
    const ready = await platform.http.get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.processors.map((p: { name: string }) => p.name)).toEqual(['toy:projection:toy-balance_v1']);
    await platform.http.get('/health/live').expect(200);
  });
});
