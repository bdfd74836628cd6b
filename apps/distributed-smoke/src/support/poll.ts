import { pause } from './app-process';

/**
 * Reads `read()` every `intervalMs` until `accept` returns a value for what it read, and answers that
 * value with the milliseconds it took. For effects that no position can be asked for (a reaction's own
 * appends land after the command that caused them): after `timeoutMs` it fails with a message naming
 * `what` was awaited and the last thing read. A read that throws fails the wait at once.
 */
export async function pollUntil<S, T>(
  what: string,
  timeoutMs: number,
  read: () => Promise<S>,
  accept: (seen: S) => T | undefined,
  intervalMs = 500,
): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  let last: S | undefined;
  for (;;) {
    last = await read();
    const value = accept(last);
    if (value !== undefined) return { value, elapsedMs: Date.now() - started };
    if (Date.now() - started >= timeoutMs) break;
    await pause(intervalMs);
  }
  throw new Error(`${what}: not there within ${timeoutMs} ms; last read: ${JSON.stringify(last).slice(0, 1500)}`);
}
