import { mintToken, type Role } from '@c360/runtime';

/** The signing secret every app of the run shares (`C360_AUTH_SECRET`: one value per deployment). */
export const DISTRIBUTED_SECRET = 'c360-distributed-smoke-secret-not-for-production';

const tokens = new Map<Role, Promise<string>>();

/** A bearer token for `role`, signed with the run's secret the way `npm run token` signs. */
export function tokenFor(role: Role): Promise<string> {
  let token = tokens.get(role);
  if (!token) {
    token = mintToken(new TextEncoder().encode(DISTRIBUTED_SECRET), { role, user: `${role}-smoke`, ttl: '1h' });
    tokens.set(role, token);
  }
  return token;
}
