import { createHmac } from 'node:crypto';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Role } from '@c360/runtime';

/** The signing secret every platform of the suite is started with (`C360_AUTH_SECRET`, ≥ 32 characters). */
export const RELIABILITY_SECRET = 'c360-reliability-suite-secret-not-for-production';

type Claims = Record<string, unknown>;

/** A JWT with exactly these header and claims, HMAC-signed (`alg` from the header: HS256, HS384, HS512). */
export function signJwt(header: Claims, claims: Claims, secret: string = RELIABILITY_SECRET): string {
  const signingInput = `${encode(header)}.${encode(claims)}`;
  const digest = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[String(header.alg)] ?? 'sha256';
  return `${signingInput}.${createHmac(digest, secret).update(signingInput).digest('base64url')}`;
}

/** The claims the platform accepts (ADR 0011): issuer and audience `customer-360`, `sub`, a known role, `exp`. */
export function validClaims(role: Role | string, user: string, ttlSeconds = 3600): Claims {
  const now = Math.floor(Date.now() / 1000);
  return { role, sub: user, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + ttlSeconds };
}

/** A token the platform accepts for `role` (signed like `npm run token` signs, with the suite's secret). */
export function tokenFor(role: Role, user = `${role}-rel`): string {
  return signJwt({ alg: 'HS256', typ: 'JWT' }, validClaims(role, user));
}

/**
 * Credentials the platform must refuse with 401, whatever the route: each differs from a valid admin
 * token in one respect (ADR 0011: pinned algorithm, issuer, audience, expiry with 5 s of skew, `sub`,
 * a known role, the platform's own secret).
 */
export function badCredentials(): Record<string, Record<string, string>> {
  const header = { alg: 'HS256', typ: 'JWT' };
  const claims = validClaims('admin', 'mallory');
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const valid = signJwt(header, claims);
  const [validHeader, , validSignature] = valid.split('.');
  const without = (name: string) => Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));
  const now = Math.floor(Date.now() / 1000);
  return {
    'forged signature (another secret)': bearer(signJwt(header, claims, 'not-the-platform-secret-0123456789abcdef')),
    'tampered claims (agent token promoted to admin, signature kept)': bearer(
      `${validHeader}.${encode(claims)}.${signJwt(header, validClaims('agent', 'mallory')).split('.')[2]}`,
    ),
    'signature of another token': bearer(`${validHeader}.${encode({ ...claims, sub: 'someone-else' })}.${validSignature}`),
    'unsigned (alg none)': bearer(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`),
    'another algorithm (HS512, right secret)': bearer(signJwt({ alg: 'HS512', typ: 'JWT' }, claims)),
    'expired a minute ago': bearer(signJwt(header, { ...claims, iat: now - 3600, exp: now - 60 })),
    'not valid yet (nbf in an hour)': bearer(signJwt(header, { ...claims, nbf: now + 3600 })),
    'wrong audience': bearer(signJwt(header, { ...claims, aud: 'another-service' })),
    'wrong issuer': bearer(signJwt(header, { ...claims, iss: 'https://evil.example' })),
    'no expiry': bearer(signJwt(header, without('exp'))),
    'no subject': bearer(signJwt(header, without('sub'))),
    'unknown role (root)': bearer(signJwt(header, { ...claims, role: 'root' })),
    'not a JWT': bearer('definitely.not.a-token'),
    'empty bearer': { Authorization: 'Bearer ' },
    'another scheme (Basic)': { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    'role header instead of a credential': { 'X-Actor-Role': 'admin', 'X-Actor-Id': 'mallory' },
    'malformed API key': { 'X-Api-Key': 'c360_nope' },
    'unknown API key': { 'X-Api-Key': `c360_AAAAAAAAAAAA_${'A'.repeat(43)}` },
  };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
