import type { DocumentStore } from '@c360/kernel';
import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { PlatformConfig } from '../config/platform-config';
import { DOCUMENT_STORE, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { AccessGuard } from './access.guard';
import { DocumentApiKeyStore } from './api-keys';
import { ApiKeysController } from './api-keys.controller';
import { API_KEY_STORE, SIGNING_SECRET } from './auth.tokens';
import { Authenticator } from './authenticator';
import { loadSigningSecret, type SigningSecret } from './signing-secret';
import { mintToken } from './tokens';

const BOOTSTRAP_TTL = '24h';

/**
 * Authentication and the role table for every app, imported once by the runtime (platformImports):
 * the signing secret, the API key store, the global AccessGuard and the admin API for keys.
 */
@Module({
  controllers: [ApiKeysController],
  providers: [
    { provide: SIGNING_SECRET, useFactory: (config: PlatformConfig) => loadSigningSecret(config.auth), inject: [PLATFORM_CONFIG] },
    { provide: API_KEY_STORE, useFactory: (documents: DocumentStore) => new DocumentApiKeyStore(documents), inject: [DOCUMENT_STORE] },
    Authenticator,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SIGNING_SECRET, API_KEY_STORE, Authenticator],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    @Inject(SIGNING_SECRET) private readonly secret: SigningSecret,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** Zero setup: the start that created the secret prints one admin token, so the operator can begin. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.secret.created) return;
    const token = await mintToken(this.secret.key, { role: 'admin', user: 'bootstrap-admin', ttl: BOOTSTRAP_TTL });
    new Logger('Auth').log(`Created the signing secret ${this.config.auth.secretFile} (mode 0600); bootstrap admin token printed once`);
    // Plain text on stdout, not a log line: an operator reads it once at the terminal, and a JSON log
    // pipeline (LOG_FORMAT=json) would otherwise keep the token in its index.
    process.stdout.write(
      `\nBootstrap admin token, valid ${BOOTSTRAP_TTL}, shown only now:\n\n  ${token}\n\n` +
        `Mint tokens for people with: npm run token -- --role agent --user agent-1 [--ttl 8h]\n\n`,
    );
  }
}
