import { ROLES, type Role } from '@c360/runtime';
import { EventLog } from './support/event-log';
import { PlatformClient, pool } from './support/http-client';
import { PlatformProcess, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { badCredentials } from './support/tokens';

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly url: string;
  /** `public`, `partner-key`, or the roles allowed. */
  readonly access: 'public' | 'partner-key' | readonly Role[];
}

const ANY_ID = '0190a000-0000-7000-8000-0000000000ff';

/**
 * Every operation of the real process's /openapi.json tried without a credential, with each of 18 bad
 * ones (forged, tampered, unsigned, other algorithm, expired, not yet valid, wrong audience or issuer,
 * no expiry or subject, unknown role, other schemes, bad API keys), with a token and an API key of each
 * role, and with a revoked API key. Only what the role table allows gets past the gate, and nothing a
 * refused request carried is written.
 */
describe('access to every operation of the real process', () => {
  afterAll(() => stopAllPlatforms());

  it('lets through exactly what each role may do, and refuses every bad credential with 401', async () => {
    const platform = await PlatformProcess.start();
    const client = new PlatformClient(() => platform.url);
    const document = await client.expect<OpenApi>(200, 'GET', '/openapi.json', { as: null });
    const operations = operationsOf(document);
    const partnerKey = (
      await client.expect<{ apiKey: string }>(201, 'POST', '/loyalty/partners', { as: 'supervisor', body: { name: 'GateAir' } })
    ).apiKey;
    const apiKeys = new Map<Role, string>();
    for (const role of ROLES) {
      const created = await client.expect<{ key: string; keyId: string }>(201, 'POST', '/admin/api-keys', {
        as: 'admin',
        body: { client: `rel-${role}`, role },
      });
      apiKeys.set(role, created.key);
    }
    const revoked = await client.expect<{ key: string; keyId: string }>(201, 'POST', '/admin/api-keys', {
      as: 'admin',
      body: { client: 'rel-revoked', role: 'admin' },
    });
    await client.expect(201, 'POST', `/admin/api-keys/${revoked.keyId}/revocation`, { as: 'admin' });
    await platform.waitCaughtUp();

    type Probe = { who: string; headers: Record<string, string>; allowed: (operation: Operation) => boolean };
    const refusedEverywhere: Probe[] = [
      { who: 'no credential', headers: {}, allowed: () => false },
      ...Object.entries(badCredentials()).map(([who, headers]) => ({ who, headers, allowed: () => false })),
      { who: 'a revoked admin API key', headers: { 'X-Api-Key': revoked.key }, allowed: () => false },
      { who: 'a forged partner key', headers: { 'X-Partner-Key': `lpk_${'A'.repeat(43)}` }, allowed: () => false },
    ];
    const byRole = (role: Role) => (operation: Operation) => Array.isArray(operation.access) && operation.access.includes(role);
    const roleProbes: Probe[] = ROLES.flatMap((role): Probe[] => [
      { who: `${role} token`, headers: { Authorization: `Bearer ${client.token(role)}` }, allowed: byRole(role) },
      { who: `${role} API key`, headers: { 'X-Api-Key': apiKeys.get(role) ?? '' }, allowed: byRole(role) },
    ]);
    const partner: Probe = {
      who: 'partner key',
      headers: { 'X-Partner-Key': partnerKey },
      allowed: (operation) => operation.access === 'partner-key',
    };

    const mismatches: string[] = [];
    let tried = 0;
    const probe = async (probes: readonly Probe[], include: (operation: Operation, p: Probe) => boolean) => {
      const cases = operations.flatMap((operation) => probes.filter((p) => include(operation, p)).map((p) => ({ operation, probe: p })));
      await pool(cases.length, 8, async (n) => {
        const { operation, probe: p } = cases[n];
        const withBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
        const answer = await client.request(operation.method, operation.url, {
          as: null,
          headers: p.headers,
          ...(withBody ? { raw: '{}' } : {}),
        });
        tried++;
        const passed = answer.status !== 401 && answer.status !== 403;
        const expected = operation.access === 'public' || p.allowed(operation);
        // Refusals name the problem: 401 with WWW-Authenticate, 403 with the code of the refusing context.
        const named =
          answer.status === 401
            ? (answer.headers.get('www-authenticate') ?? '').startsWith('Bearer')
            : answer.status !== 403 || (typeof answer.body?.error === 'string' && answer.body.error.length > 0);
        if (passed !== expected || answer.status >= 500 || !named)
          mismatches.push(
            `${operation.method} ${operation.path} with ${p.who}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
          );
      });
    };

    // Refused requests first, alone: the log must not move at all.
    const log = new EventLog(platform.dataDir);
    const head = log.head();
    const refused = (operation: Operation, p: Probe) => operation.access !== 'public' && !p.allowed(operation);
    await probe([...refusedEverywhere, ...roleProbes, partner], refused);
    const movedByRefusals = log.head() - head;
    await probe([...refusedEverywhere, ...roleProbes, partner], (operation, p) => !refused(operation, p));
    log.close();

    report({
      case: 'access',
      load: `${operations.length} operations × ${refusedEverywhere.length + roleProbes.length + 1} credentials`,
      faults: '—',
      invalidInputs: tried,
      lost: 0,
      duplicated: movedByRefusals,
      notes: `${mismatches.length} answers outside the role table; refused requests moved the log by ${movedByRefusals}`,
    });
    expect(operations.length).toBeGreaterThan(140);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(movedByRefusals).toBe(0);
  }, 600_000);
});

interface OpenApi {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        security?: Array<Record<string, unknown>>;
        'x-roles'?: Role[];
        parameters?: Array<{ name: string; in: string; schema: { format?: string; enum?: string[] } }>;
      }
    >
  >;
}

function operationsOf(document: OpenApi): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = new Map((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
      const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
        const schema = parameters.get(name);
        return schema?.enum?.[0] ?? (schema?.format === 'uuid' ? ANY_ID : 'a1');
      });
      const access: Operation['access'] =
        operation.security?.length === 0
          ? 'public'
          : operation.security?.some((entry) => 'partnerKey' in entry)
            ? 'partner-key'
            : (operation['x-roles'] ?? []);
      return { method: method.toUpperCase(), path, url, access };
    }),
  );
}
