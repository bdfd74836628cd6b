/** `loyalty-account-<customerId>` → `<customerId>` (customer ids may contain dashes: only the prefix is cut). */
export function idFromStream(streamId: string, prefix: string): string {
  if (!streamId.startsWith(prefix)) throw new Error(`Stream "${streamId}" is not a ${prefix}* stream`);
  return streamId.slice(prefix.length);
}

export const ACCOUNT_STREAM_PREFIX = 'loyalty-account-';
