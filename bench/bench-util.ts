import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Helpers shared by the benchmark programs: temp dirs, timing, and one way to print a figure. */

export function tempDataDir(label: string): { dir: string; remove(): void; sizeMiB(): number } {
  const dir = mkdtempSync(join(tmpdir(), `c360-bench-${label}-`));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    sizeMiB: () => readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1_048_576,
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function figure(name: string, value: number, unit: string, note = ''): void {
  const shown = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  console.log(`  ${name.padEnd(58)} ${shown.padStart(12)} ${unit}${note ? `   (${note})` : ''}`);
}

export function verdict(name: string, value: number, target: number, unit: string): boolean {
  const ok = value >= target;
  console.log(
    `  ${ok ? 'PASS' : 'MISS'} ${name}: ${Math.round(value).toLocaleString('en-US')} ${unit} (target ≥ ${target.toLocaleString('en-US')})`,
  );
  return ok;
}

export function rssMiB(): number {
  return process.memoryUsage().rss / 1_048_576;
}

/**
 * Runs `work`, and when BENCH_CPU_PROFILE names a directory, records a V8 CPU profile of just this
 * phase there (`<label>.cpuprofile`, open it in Chrome DevTools): `--cpu-prof` would mix in the setup.
 */
export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return work();
  const { Session } = await import('node:inspector/promises');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of ${label}: ${file}`);
  }
}
