import { setFlagsFromString } from 'node:v8';

/**
 * Sets how far V8 lets the old generation grow past what survived its last full collection before it
 * collects again (`--heap-growing-percent`; ADR 0031). Left to itself (0) V8 picks a factor of up to 4
 * when collecting is cheap, so a catch-up that turns over a million short-lived envelopes and documents
 * grew the heap to 250–620 MiB, nearly all of it garbage (a `gc()` then left about 50 MiB). A smaller
 * factor keeps the memory down and costs more full collections, whose pauses show in the latency tail.
 * The flag is process-wide: the processor thread and the checkpoint workers get it too. 0 sets nothing,
 * so a `node --heap-growing-percent=…` given by hand still holds.
 */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growth must be a whole number of percent (got ${percent})`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
