/** Time is injected, never read with `Date.now()` inside domain or application code. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
