import type { Actor } from '@c360/kernel';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { apiKeyId, apiKeyMatches, type ApiKeyStore } from './api-keys';
import { API_KEY_STORE, SIGNING_SECRET } from './auth.tokens';
import type { SigningSecret } from './signing-secret';
import { TokenRejectedError, verifyTokenUntil } from './tokens';
import { VerifiedTokenCache } from './verified-token-cache';

/**
 * Turns a request's credential into a verified actor: `Authorization: Bearer <token>` (people, and
 * jobs with a minted token) or `X-Api-Key: <key>` (machine clients). Anything else is a 401 that
 * says what was wrong, never which part of a secret matched.
 */
@Injectable()
export class Authenticator {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    @Inject(SIGNING_SECRET) private readonly secret: SigningSecret,
    @Inject(API_KEY_STORE) private readonly apiKeys: ApiKeyStore,
  ) {}

  async authenticate(request: FastifyRequest): Promise<Actor> {
    const authorization = single(request.headers.authorization);
    const apiKey = single(request.headers['x-api-key']);
    if (authorization !== undefined && apiKey !== undefined) throw unauthenticated('send one credential: a bearer token or an API key');
    if (apiKey !== undefined) return this.fromApiKey(apiKey);
    if (authorization === undefined) throw unauthenticated('a bearer token (Authorization: Bearer …) or an X-Api-Key is required');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    // Token lifetimes are wall-clock security, not business time: the injected (fake) clock has no say.
    const now = Date.now();
    const cached = this.verified.get(match[1], now);
    if (cached) return cached;
    try {
      const verified = await verifyTokenUntil(this.secret.key, match[1], new Date(now));
      this.verified.remember(match[1], verified);
      return verified.actor;
    } catch (error) {
      if (error instanceof TokenRejectedError) throw unauthenticated(error.message);
      throw error;
    }
  }

  private async fromApiKey(key: string): Promise<Actor> {
    const keyId = apiKeyId(key);
    const record = keyId === undefined ? null : await this.apiKeys.get(keyId);
    if (!record || record.revokedAt || !apiKeyMatches(key, record)) throw unauthenticated('the API key is unknown or revoked');
    return { id: record.client, role: record.role };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unauthenticated(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'unauthenticated', message });
}
