import { CommandHandler, streamName, type CommandContext } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { IsString } from 'class-validator';
import { createHmac } from 'node:crypto';
import { RequestCommandContext } from '../http/command-context.decorator';
import { ContextModule } from '../context/context.module';
import { defineContext } from '../context/context-definition';
import { TEST_AUTH_SECRET, authHeaders, testToken } from '../testing/test-tokens';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform';
import { Roles } from './access.decorators';
import { mintToken, verifyToken } from './tokens';

class OpenDto {
  @IsString() owner!: string;
}

@Controller('vaults')
@Roles('agent', 'supervisor', 'system')
class VaultController {
  constructor(private readonly commands: CommandHandler) {}

  @Post(':id')
  async open(@Param('id') id: string, @Body() body: OpenDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(toyAccount, streamName('toy', 'account', id), { type: 'open', owner: body.owner }, context);
    return { version: result.revision };
  }

  @Post(':id/audit')
  @Roles('supervisor')
  audit() {
    return { audited: true };
  }
}

const VaultModule = ContextModule.register(
  defineContext({
    name: 'vault',
    description: 'a toy context for the authentication spec',
    aggregates: [toyAccount],
    controllers: [VaultController],
  }),
);
const key = new TextEncoder().encode(TEST_AUTH_SECRET);

describe('authentication on every route', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: [VaultModule] });
  });
  afterEach(() => platform.close());

  const actorOf = async (id: string) => (await platform.stores.eventStore.readStream(`toy-account-${id}`))[0]?.metadata.actor;

  it('takes the actor of the events from the verified token, never from X-Actor-* headers', async () => {
    await platform.http
      .post('/vaults/a')
      .set(authHeaders('agent', 'agent-ann'))
      .set({ 'X-Actor-Id': 'someone-else', 'X-Actor-Role': 'supervisor' })
      .send({ owner: 'ann' })
      .expect(201);
    expect(await actorOf('a')).toEqual({ id: 'agent-ann', role: 'agent' });
    const forbidden = await platform.http.post('/vaults/a/audit').set({ 'X-Actor-Role': 'supervisor' }).expect(403);
    expect(forbidden.body).toMatchObject({ error: 'vault.supervisor-required', details: { role: 'agent', allowed: ['supervisor'] } });
  });

  it('answers 401 to a missing, malformed, expired, forged, unsigned or role-less token', async () => {
    const [header, payload] = testToken('supervisor').split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const noRole = signed(header, { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'root' });
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['missing', {}, /bearer token .* or an X-Api-Key is required/],
      ['not bearer', { Authorization: 'Basic YTpi' }, /must be "Bearer <token>"/],
      ['garbage', { Authorization: 'Bearer not.a.token' }, /not one this platform issued/],
      ['expired', { Authorization: `Bearer ${testToken('agent', 'a', { expiresInSeconds: -60 })}` }, /expired/],
      ['forged', { Authorization: `Bearer ${testToken('agent', 'a', { secret: 'x'.repeat(40) })}` }, /not one this platform issued/],
      ['alg none', { Authorization: `Bearer ${unsigned}` }, /not one this platform issued/],
      ['unknown role', { Authorization: `Bearer ${noRole}` }, /no known role/],
    ];
    for (const [name, headers, message] of cases) {
      const response = await platform.anonymous.post('/vaults/b').set(headers).send({ owner: 'bo' });
      expect([name, response.status, response.body.error]).toEqual([name, 401, 'unauthenticated']);
      expect(response.body.message).toMatch(message);
    }
    expect(await platform.stores.eventStore.readStream('toy-account-b')).toHaveLength(0);
  });

  it('verifies tokens minted by `npm run token` (jose) with the same secret', async () => {
    const token = await mintToken(key, { role: 'supervisor', user: 'sup-9', ttl: '8h' });
    expect(await verifyToken(key, token, new Date())).toEqual({ id: 'sup-9', role: 'supervisor' });
    await platform.anonymous.post('/vaults/c/audit').set('Authorization', `Bearer ${token}`).expect(201);
    await expect(verifyToken(key, token, new Date(Date.now() + 9 * 3600_000))).rejects.toThrow(/expired/);
  });

  it('lets an admin create API keys, shown once and stored hashed; a key authenticates until revoked', async () => {
    const created = await platform.as('admin').post('/admin/api-keys').send({ client: 'orders-feed', role: 'system' }).expect(201);
    expect(created.body).toMatchObject({ client: 'orders-feed', role: 'system', key: expect.stringMatching(/^c360_/) });
    const listed = await platform.as('admin').get('/admin/api-keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(JSON.stringify(listed.body)).not.toContain('hash');
    await platform.anonymous.post('/vaults/d').set('X-Api-Key', created.body.key).send({ owner: 'di' }).expect(201);
    expect(await actorOf('d')).toEqual({ id: 'orders-feed', role: 'system' });
    await platform.anonymous.post('/vaults/d/audit').set('X-Api-Key', created.body.key).expect(403);
    await platform.as('agent').post('/admin/api-keys').send({ client: 'x', role: 'admin' }).expect(403);
    await platform.as('admin').post(`/admin/api-keys/${created.body.keyId}/revocation`).expect(201);
    const revoked = await platform.anonymous.post('/vaults/e').set('X-Api-Key', created.body.key).send({ owner: 'ed' }).expect(401);
    expect(revoked.body.message).toMatch(/unknown or revoked/);
    await platform.anonymous
      .post('/vaults/e')
      .set('X-Api-Key', `${created.body.key.slice(0, -1)}A`)
      .send({ owner: 'ed' })
      .expect(401);
  });
});

/** A token with the platform's key but claims it would never issue. */
function signed(header: string, claims: object): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', TEST_AUTH_SECRET).update(`${header}.${payload}`).digest('base64url')}`;
}
