import { PLATFORM_CONFIG, loadSigningSecret, type PlatformConfig } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { createHmac } from 'node:crypto';

const ISSUER = 'c360';
const AUDIENCE = 'c360-survey-answer';

/** What an invitation link proves: which invitation, of which customer (pseudonymous ids only). */
export interface InvitationClaims {
  readonly invitationId: string;
  readonly customerId: string;
}

/**
 * Signed, expiring invitation tokens (JWS, HS256, with jose). The key is derived from the platform's
 * signing secret for this purpose only, and the audience differs from login tokens': an invitation
 * link is never a bearer token and a bearer token never answers a survey. A wrong, altered or expired
 * token verifies to nothing — the caller answers one not-found, whatever went wrong.
 */
@Injectable()
export class InvitationTokens {
  private readonly key: Uint8Array;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    const { key } = loadSigningSecret(config.auth);
    this.key = new Uint8Array(createHmac('sha256', key).update('c360/surveys/invitation-token/v1').digest());
  }

  sign(claims: InvitationClaims, expiresAt: string): Promise<string> {
    return new SignJWT({ inv: claims.invitationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.customerId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
      .sign(this.key);
  }

  /** The claims of a valid token; `null` for anything else (never says why). */
  async verify(token: string, now: Date): Promise<InvitationClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: now,
      });
      if (typeof payload.inv !== 'string' || typeof payload.sub !== 'string') return null;
      return { invitationId: payload.inv, customerId: payload.sub };
    } catch {
      return null;
    }
  }
}
