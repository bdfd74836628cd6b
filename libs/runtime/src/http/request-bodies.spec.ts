import { CommandHandler, streamName, type CommandContext } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { Roles } from '../auth/access.decorators';
import { ContextModule } from '../context/context.module';
import { defineContext } from '../context/context-definition';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { RequestCommandContext } from './command-context.decorator';

/** Every field optional: exactly the DTO a `null` body used to satisfy with defaults. */
class OpenDto {
  @IsOptional() @IsString() owner?: string;
}

@Controller('jars')
@Roles('agent')
class JarController {
  constructor(private readonly commands: CommandHandler) {}

  @Post(':id')
  async open(@Param('id') id: string, @Body() body: OpenDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(
      toyAccount,
      streamName('toy', 'account', id),
      { type: 'open', owner: body.owner ?? 'nobody' },
      context,
    );
    return { version: result.revision };
  }

  /** Takes no body, like undo and erasure. */
  @Post(':id/ping')
  @HttpCode(200)
  ping(@Param('id') id: string) {
    return { id };
  }
}

const JarModule = ContextModule.register(
  defineContext({ name: 'jar', description: 'toy for request body handling', aggregates: [toyAccount], controllers: [JarController] }),
);

describe('request bodies: one parser, one error shape', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [JarModule] });
  });
  afterEach(() => platform.close());

  const raw = (url: string, payload: string | Buffer, contentType = 'application/json') =>
    platform.http.post(url).set('Content-Type', contentType).send(payload);
  const written = async (id: string) => (await platform.stores.eventStore.readStream(`toy-account-${id}`)).length;

  it.each([
    ['null', 'null', 'is required: a JSON object'],
    ['nothing', '', 'is required: a JSON object'],
    ['an array', '[]', 'must be a JSON object'],
    ['a string', '"owner"', 'must be a JSON object'],
    ['a byte order mark before {}', '\uFEFF{}', 'must not start with a byte order mark'],
    ['invalid JSON', '{"owner": ', 'is not valid JSON'],
    ['a poisoned prototype', '{"__proto__": {"admin": true}}', 'is not valid JSON'],
    [
      '5,000 levels of nesting (overflowed the validation pipe: a 500)',
      `${'{"owner":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
      'deeper than 64',
    ],
  ])('refuses %s where a body is required: 400 naming body, nothing written', async (_name, payload, problem) => {
    const response = await raw('/jars/a', payload).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', fields: [{ field: 'body' }] });
    expect(response.body.fields[0].problems[0]).toContain(problem);
    expect(response.body.message).toContain('body');
    expect(await written('a')).toBe(0);
  });

  it('answers 415 to a JSON body in another charset, naming Content-Type', async () => {
    const response = await raw('/jars/b', Buffer.from('{"owner":"bo"}', 'utf16le'), 'application/json; charset=utf-16').expect(415);
    expect(response.body).toMatchObject({ error: 'unsupported_media_type', fields: [{ field: 'Content-Type' }] });
    await raw('/jars/b', '{"owner":"bo"}', 'application/json; charset=UTF-8').expect(201);
    await platform.http.post('/jars/c').set('Content-Type', 'text/csv').send('owner\nbo').expect(415);
  });

  it('ignores a body where none is expected, and takes a body-less POST sent as JSON', async () => {
    await raw('/jars/d/ping', '').expect(200);
    await raw('/jars/d/ping', '{"unexpected": true}').expect(200);
    await platform.http.post('/jars/d/ping').expect(200);
  });

  it('gives framework errors the same shape: an unknown route is a 404 with a code', async () => {
    const response = await platform.http.get('/no-such-route').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'not-found', message: expect.any(String) });
  });

  it('still opens with an empty object (every field optional)', async () => {
    await raw('/jars/e', '{}').expect(201);
    expect(await written('e')).toBe(1);
  });
});
