import type { UseCaseResult } from '@c360/kernel';

/** What every surveys write answers: the id it wrote, its stream `version` (If-Match) and whether it was a repeat. */
export function written<T extends Record<string, unknown>>(result: UseCaseResult<unknown>, ids: T) {
  return { ...ids, version: result.revision, duplicate: result.duplicate };
}

/** `2026-03-01` or any ISO-8601 instant, as the read models store instants. */
export function instantRange(range: { from?: string; to?: string }) {
  return {
    ...(range.from ? { from: new Date(range.from).toISOString() } : {}),
    ...(range.to ? { to: new Date(range.to).toISOString() } : {}),
  };
}
