import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * Helpers shared by the benchmark programs: temp dirs, timing, one way to print a figure, and the
 * header and footer every scenario gets from `runScenario` (figures, peak RSS, data size, durability,
 * machine; `--json` prints the same as one JSON object per scenario on stdout).
 */

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

export interface BenchTarget {
  readonly name: string;
  readonly value: number;
  readonly target: number;
  readonly unit: string;
  /** `at least` (throughput) or `below` (latency, memory growth). */
  readonly kind: 'at least' | 'below';
  readonly met: boolean;
}

export interface ScenarioReport {
  readonly scenario: string;
  readonly durability: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly figures: readonly BenchFigure[];
  readonly targets: readonly BenchTarget[];
  /** Peak resident set of this process during the scenario (sampled), in MiB. */
  readonly peakRssMiB: number;
  /** Peak RSS of a process the scenario started (the service under `http`), when it reports one. */
  readonly childPeakRssMiB?: number;
  /** The largest data directory the scenario wrote (measured before it is removed), in MiB. */
  readonly dataMiB: number;
  readonly machine: Machine;
}

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the scenario started: figures on a shared machine depend on it. */
  readonly loadAverage: number;
}

/** The scenario being run: figures, targets and samples go to it. */
interface Running {
  figures: BenchFigure[];
  targets: BenchTarget[];
  peakRss: number;
  childPeakRss: number | undefined;
  dataMiB: number;
}
let running: Running | undefined;

export const jsonOutput = process.argv.includes('--json');

export function machine(): Machine {
  const [oneMinute] = loadavg();
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1_073_741_824),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Math.round(oneMinute * 100) / 100,
  };
}

/**
 * Runs one scenario between a header (name, durability, machine) and a footer (peak RSS, data size,
 * wall time). Scenarios print with `figure`/`verdict` and make their directories with `tempDataDir`.
 */
export async function runScenario(
  scenario: string,
  durability: string,
  run: () => Promise<boolean>,
): Promise<ScenarioReport & { ok: boolean }> {
  const host = machine();
  const startedAt = new Date().toISOString();
  running = { figures: [], targets: [], peakRss: rssMiB(), childPeakRss: undefined, dataMiB: 0 };
  const state = running;
  const sampler = setInterval(sampleRss, 100);
  sampler.unref();
  console.log(
    `\n━━ ${scenario} — durability: ${durability} — ${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}, load ${host.loadAverage}`,
  );
  const start = process.hrtime.bigint();
  let ok = false;
  try {
    ok = await run();
  } finally {
    clearInterval(sampler);
    sampleRss();
    running = undefined;
  }
  const report: ScenarioReport = {
    scenario,
    durability,
    startedAt,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    figures: state.figures,
    targets: state.targets,
    peakRssMiB: Math.round(state.peakRss),
    ...(state.childPeakRss === undefined ? {} : { childPeakRssMiB: Math.round(state.childPeakRss) }),
    dataMiB: Math.round(state.dataMiB * 10) / 10,
    machine: host,
  };
  const child = report.childPeakRssMiB === undefined ? '' : ` · service peak RSS ${report.childPeakRssMiB} MiB`;
  console.log(
    `━━ ${scenario}: peak RSS ${report.peakRssMiB} MiB${child} · data ${report.dataMiB} MiB · durability ${durability} · ` +
      `${host.cores} cores, Node ${host.node} · ${report.seconds.toFixed(1)} s${report.targets.length ? ` · targets met ${report.targets.filter((t) => t.met).length}/${report.targets.length}` : ''}`,
  );
  if (jsonOutput) process.stdout.write(`${JSON.stringify(report)}\n`);
  return { ...report, ok };
}

/** Samples this process's RSS into the running scenario (call it inside loops that never yield to timers). */
export function sampleRss(): void {
  if (running) running.peakRss = Math.max(running.peakRss, rssMiB());
}

/** A process the scenario started reports its RSS (the `http` service). */
export function noteChildRss(mib: number | undefined): void {
  if (running && mib !== undefined) running.childPeakRss = Math.max(running.childPeakRss ?? 0, mib);
}

export function tempDataDir(label: string): { dir: string; remove(): void; sizeMiB(): number } {
  const dir = mkdtempSync(join(tmpdir(), `c360-bench-${label}-`));
  const sizeMiB = () => {
    const size = directorySize(dir) / 1_048_576;
    if (running) running.dataMiB = Math.max(running.dataMiB, size);
    return size;
  };
  return {
    dir,
    remove: () => {
      sizeMiB(); // the footer's data size is measured before the directory goes
      rmSync(dir, { recursive: true, force: true });
    },
    sizeMiB,
  };
}

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

/** Wall time and this process's CPU time (every thread): on a shared machine the CPU time is the steadier one. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}

export function figure(name: string, value: number, unit: string, note = ''): void {
  running?.figures.push({ name: name.trim(), value, unit, ...(note ? { note } : {}) });
  sampleRss();
  const shown = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  console.log(`  ${name.padEnd(58)} ${shown.padStart(12)} ${unit}${note ? `   (${note})` : ''}`);
}

export function verdict(name: string, value: number, target: number, unit: string): boolean {
  const ok = value >= target;
  running?.targets.push({ name, value, target, unit, kind: 'at least', met: ok });
  console.log(
    `  ${ok ? 'PASS' : 'MISS'} ${name}: ${Math.round(value).toLocaleString('en-US')} ${unit} (target ≥ ${target.toLocaleString('en-US')})`,
  );
  return ok;
}

/** A target where less is better (a latency, a memory growth). */
export function verdictBelow(name: string, value: number, limit: number, unit: string): boolean {
  const ok = value < limit;
  running?.targets.push({ name, value, target: limit, unit, kind: 'below', met: ok });
  console.log(
    `  ${ok ? 'PASS' : 'MISS'} ${name}: ${value.toFixed(value >= 100 ? 0 : 2)} ${unit} (target < ${limit.toLocaleString('en-US')})`,
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
