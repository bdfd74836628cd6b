/** Exit codes: 0 done; 1 the check failed (drift, a broken chain) or the work failed; 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Bad arguments: the message names the option; the command's usage help follows it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A check that ran and found something wrong (its findings are already printed). */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}
