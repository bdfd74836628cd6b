import { createHmac } from 'node:crypto';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../auth/tokens';
import type { Role } from '../auth/roles';

/** The signing secret of every test platform (never used outside specs: production refuses a secret from code). */
export const TEST_AUTH_SECRET = 'c360-test-signing-secret-for-specs-only';

/**
 * A bearer token signed with the test secret, synchronously so that spec constants can hold headers
 * (`SUPERVISOR_HEADERS`). The platform verifies it with jose like any other token; only specs sign this way.
 */
export function testToken(role: Role, user = `${role}-1`, options: { expiresInSeconds?: number; secret?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    role,
    sub: user,
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: now,
    exp: now + (options.expiresInSeconds ?? 12 * 3600),
  });
  const signature = createHmac('sha256', options.secret ?? TEST_AUTH_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** `Authorization` header of a user with one role: `.set(authHeaders('supervisor', 'sup-1'))`. */
export function authHeaders(role: Role, user?: string): { Authorization: string } {
  return { Authorization: `Bearer ${testToken(role, user)}` };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
