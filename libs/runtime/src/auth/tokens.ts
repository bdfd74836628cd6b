import type { Actor } from '@c360/kernel';
import { SignJWT, errors, jwtVerify } from 'jose';
import { isRole, type Role } from './roles';

/** Every token the platform mints and accepts names it as issuer and audience. */
export const TOKEN_ISSUER = 'customer-360';
export const TOKEN_AUDIENCE = 'customer-360';
/** One algorithm, pinned: a token naming another (or `none`) is refused before its signature is looked at. */
const ALGORITHM = 'HS256';
/** Seconds of clock skew accepted on expiry. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface TokenRequest {
  readonly role: Role;
  /** The user (or client) id: becomes the actor id in event metadata. */
  readonly user: string;
  /** `8h`, `30m`, `7d` (jose's time span syntax). */
  readonly ttl: string;
}

/** Mints a bearer token for a user with one role. */
export function mintToken(key: Uint8Array, request: TokenRequest): Promise<string> {
  return new SignJWT({ role: request.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(request.user)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.ttl)
    .sign(key);
}

/** Why a token was refused, in words a client can act on (never the secret or internals). */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

/**
 * Verifies a bearer token with jose: signature, pinned algorithm, issuer, audience, expiry (with a
 * few seconds of clock skew), and that it names a user and a known role.
 */
export async function verifyToken(key: Uint8Array, token: string, now: Date): Promise<Actor> {
  return (await verifyTokenUntil(key, token, now)).actor;
}

/** A verified token's actor and the instant (epoch ms, clock tolerance included) after which it is refused. */
export interface VerifiedToken {
  readonly actor: Actor;
  readonly refusedAfter: number;
}

/** `verifyToken`, also saying until when the answer holds (for the verified-token cache). */
export async function verifyTokenUntil(key: Uint8Array, token: string, now: Date): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    });
    if (!payload.sub || !isRole(payload.role)) throw new TokenRejectedError('the token names no user or no known role');
    return { actor: { id: payload.sub, role: payload.role }, refusedAfter: ((payload.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000 };
  } catch (error) {
    if (error instanceof TokenRejectedError) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenRejectedError('the token has expired');
    throw new TokenRejectedError('the token is not one this platform issued');
  }
}
