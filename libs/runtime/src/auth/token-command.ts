import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/platform-config';
import { ROLES, isRole } from './roles';
import { loadSigningSecret } from './signing-secret';
import { mintToken } from './tokens';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> --user <id> [--ttl 8h]`;
const TTL = /^\d+\s?(s|m|h|d|w)$/;

/**
 * `npm run token`: mints a bearer token with the platform's signing secret (C360_AUTH_SECRET, or the
 * file the first `npm start` created). It never creates a secret: a token signed with a secret no
 * platform uses would only fail later and more confusingly.
 */
export async function tokenCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: { role: { type: 'string' }, user: { type: 'string' }, ttl: { type: 'string', default: '8h' } },
    strict: true,
  });
  const problems = [
    ...(isRole(values.role) ? [] : [`--role must be one of ${ROLES.join(', ')}`]),
    ...(values.user && /^[A-Za-z0-9._:@-]{1,64}$/.test(values.user) ? [] : ['--user must be 1-64 letters, digits or ._:@-']),
    ...(TTL.test(values.ttl) ? [] : ['--ttl must be a span such as 30m, 8h or 7d']),
  ];
  if (problems.length) throw new ConfigError([...problems, USAGE]);
  const config = loadConfig(env);
  if (config.auth.secret === undefined && !existsSync(config.auth.secretFile)) {
    throw new ConfigError([
      `no signing secret yet: start the platform once (npm start) to create ${config.auth.secretFile}, or set C360_AUTH_SECRET`,
    ]);
  }
  const { key } = loadSigningSecret(config.auth);
  return mintToken(key, { role: values.role as (typeof ROLES)[number], user: values.user ?? '', ttl: values.ttl });
}
