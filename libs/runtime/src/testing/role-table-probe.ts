import { ROLES, type Role } from '../auth/roles';
import { routeTable, type RouteEntry } from '../auth/route-table';
import type { TestPlatform } from './test-platform';
import { testToken } from './test-tokens';

export interface RoleTableFindings {
  /** Router routes that no controller route declares access for (and that are not a listed plugin route). */
  readonly undeclared: string[];
  /** Requests whose answer contradicts the declared table: `PUT /loyalty/program/tiers as agent: 400, expected 403`. */
  readonly mismatches: string[];
  /** The table as probed: `GET /customers/:id  roles: agent, supervisor, auditor`. */
  readonly table: string[];
}

const ANY_ID = '0190a000-0000-7000-8000-0000000000ff';

/** Credentials that must never pass: a token signed with another secret, an unsigned one, an expired one. */
function badTokens(): Record<string, string> {
  const forged = testToken('admin', 'mallory', { secret: 'not-the-platform-secret-at-all-0000000' });
  const [, payload] = testToken('admin', 'mallory').split('.');
  const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
  return { forged, 'alg none': none, expired: testToken('admin', 'mallory', { expiresInSeconds: -60 }) };
}

/**
 * Walks every route the router has and proves the role table: without a credential or with a bad one
 * a route answers 401 (unless public); with each role it answers 403 exactly when the role is not in
 * the route's list. Bodies are empty objects and ids made up, so allowed calls stop at validation or
 * a 404 — they prove only that the gate opened.
 */
export async function probeRoleTable(
  platform: TestPlatform,
  options: { pluginRoutes?: readonly string[] } = {},
): Promise<RoleTableFindings> {
  const entries = routeTable(platform.app);
  const byKey = new Map(entries.map((entry) => [`${entry.method} ${entry.path}`, entry]));
  const undeclared = platform.routes
    .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
    .map((route) => `${route.method} ${route.url}`)
    .filter((key) => !(options.pluginRoutes ?? []).includes(key) && byKey.get(key)?.access === undefined);
  const mismatches: string[] = [];
  for (const entry of entries.filter((candidate) => candidate.access !== undefined)) {
    for (const [who, headers, expected] of probes(entry)) {
      const status = await send(platform, entry, headers);
      if (!expected(status)) mismatches.push(`${entry.method} ${entry.path} ${who}: ${status}, expected ${describe(expected)}`);
    }
  }
  return { undeclared: [...new Set(undeclared)], mismatches, table: entries.map(row) };
}

type Expectation = ((status: number) => boolean) & { readonly label: string };
const is = (code: number): Expectation => Object.assign((status: number) => status === code, { label: String(code) });
const passes: Expectation = Object.assign((status: number) => status !== 401 && status !== 403, { label: 'neither 401 nor 403' });
const describe = (expected: Expectation) => expected.label;

function probes(entry: RouteEntry): Array<[string, Record<string, string>, Expectation]> {
  const access = entry.access;
  if (!access) return [];
  if (access.kind === 'public') return [['without a credential', {}, passes]];
  const refused: Array<[string, Record<string, string>, Expectation]> = [
    ['without a credential', {}, is(401)],
    ...Object.entries(badTokens()).map(([name, token]): [string, Record<string, string>, Expectation] => [
      `with a ${name} token`,
      { Authorization: `Bearer ${token}` },
      is(401),
    ]),
  ];
  const asRole = (role: Role): Expectation =>
    access.kind === 'credential' ? is(401) : (access.roles as readonly string[]).includes(role) ? passes : is(403);
  return [
    ...refused,
    ...ROLES.map((role): [string, Record<string, string>, Expectation] => [
      `as ${role}`,
      { Authorization: `Bearer ${testToken(role)}` },
      asRole(role),
    ]),
  ];
}

async function send(platform: TestPlatform, entry: RouteEntry, headers: Record<string, string>): Promise<number> {
  const url = entry.path.replace(/:[A-Za-z]+/g, ANY_ID);
  const method = entry.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const request = platform.anonymous[method](url).set(headers);
  const response = method === 'get' || method === 'delete' ? await request : await request.send({});
  return response.status;
}

function row(entry: RouteEntry): string {
  const access = entry.access;
  const who =
    access === undefined
      ? 'UNDECLARED'
      : access.kind === 'public'
        ? 'public'
        : access.kind === 'credential'
          ? `credential: ${access.credential}`
          : `roles: ${access.roles.join(', ')}`;
  return `${entry.method} ${entry.path}  ${who}`;
}
