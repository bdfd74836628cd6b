import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuthConfig } from '../config/platform-config';

export interface SigningSecret {
  /** The HMAC key tokens are signed and verified with. */
  readonly key: Uint8Array;
  /** True when this start created it: the caller prints a bootstrap admin token, once. */
  readonly created: boolean;
}

/**
 * The secret that signs the platform's tokens. From `C360_AUTH_SECRET` when set (required in production,
 * where the config refuses to start without it); else, on the embedded default, from `<data>/auth-secret`,
 * created on the first start with 256 random bits and mode 0600 so that only its owner can mint tokens.
 */
export function loadSigningSecret(auth: AuthConfig): SigningSecret {
  if (auth.secret !== undefined) return { key: new TextEncoder().encode(auth.secret), created: false };
  const created = createIfAbsent(auth.secretFile);
  const secret = readFileSync(auth.secretFile, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${auth.secretFile} holds fewer than 32 characters; delete it to create a new one`);
  return { key: new TextEncoder().encode(secret), created };
}

function createIfAbsent(file: string): boolean {
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: two processes starting together cannot both create (and overwrite) the secret.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Whoever made the file, it must not be readable by others: a readable secret lets anyone mint an admin token.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return false;
  }
}
