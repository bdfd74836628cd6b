import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RELIABILITY_SECRET } from './tokens';

const ROOT = resolve(__dirname, '../../../..');
/** The `npm start` entry point, run the way `npm start` runs it (scripts/run-ts.js, no build step). */
const ENTRY = 'apps/platform/src/main.ts';

export interface PlatformOptions {
  /** Extra environment (docs/configuration.md); the data dir, port, host and signing secret are set here. */
  readonly env?: Readonly<Record<string, string>>;
  /** A data dir to use instead of a fresh one under the OS temp dir (kept when given). */
  readonly dataDir?: string;
  /** How the process is started: `node …` (default) or wrapped, e.g. `bash -c 'ulimit -f …; exec "$@"'`. */
  readonly wrap?: readonly string[];
}

/**
 * The real platform (`npm start`) as a child process on 127.0.0.1: a fresh temp data dir, a free port
 * kept across restarts, the suite's signing secret, and every line it prints appended to `logFile`
 * (so the erasure case can search the logs too). `kill()` is SIGKILL; `stop()` is SIGTERM and waits;
 * `dispose()` stops it and removes what it created. Every process started here is tracked and
 * stopped by `stopAllPlatforms()` (each spec's afterAll), whatever the spec did.
 */
export class PlatformProcess {
  readonly root: string;
  readonly dataDir: string;
  readonly logFile: string;
  private child?: ChildProcess;
  private log?: WriteStream;
  private output = '';
  private exited?: Promise<number | null>;
  starts = 0;

  private constructor(
    readonly port: number,
    private readonly options: PlatformOptions,
  ) {
    this.root = mkdtempSync(join(tmpdir(), 'c360-rel-'));
    this.dataDir = options.dataDir ?? join(this.root, 'data');
    this.logFile = join(this.root, 'platform.log');
  }

  static async start(options: PlatformOptions = {}): Promise<PlatformProcess> {
    const platform = new PlatformProcess(await freePort(), options);
    RUNNING.add(platform);
    await platform.restart();
    return platform;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process is running (not exited, not killed). */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process printed since it was last started. */
  printed(): string {
    return this.output;
  }

  /** Starts the process (again: same port, same data dir) and resolves once `/health/live` answers. */
  async restart(env: Readonly<Record<string, string>> = {}): Promise<void> {
    if (this.alive) throw new Error('the platform is still running');
    this.output = '';
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    const command = [...(this.options.wrap ?? []), process.execPath, join(ROOT, 'scripts/run-ts.js'), ENTRY];
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      env: {
        ...process.env,
        C360_DATA_DIR: this.dataDir,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        C360_AUTH_SECRET: RELIABILITY_SECRET,
        LOG_LEVEL: 'warn',
        TOPICS: 'files',
        LOYALTY_SCHEDULER_INTERVAL_MS: '0',
        ...this.options.env,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      this.log?.write(chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
    await this.waitLive();
  }

  /** Resolves once `/health/live` answers 200; fails when the process exits or 60 s pass. */
  async waitLive(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.alive)
        throw new Error(`the platform exited (${this.child?.exitCode ?? this.child?.signalCode}):\n${this.output.slice(-3000)}`);
      const ok = await fetch(`${this.url}/health/live`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      await sleep(50);
    }
    throw new Error(`the platform did not answer /health/live within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
  }

  /**
   * Resolves once every processor has handled the whole log (each one's `positionsBehind` is 0 in
   * `/health/ready`), twice in a row so that reactions appended meanwhile are handled too.
   */
  async waitCaughtUp(timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    let last = '';
    while (Date.now() < until) {
      const processors = await this.processors().catch(() => undefined);
      last = JSON.stringify(processors?.filter((p) => p.positionsBehind !== 0) ?? 'no answer');
      if (processors?.length && processors.every((p) => p.positionsBehind === 0 && p.state !== 'failed')) {
        if (++quiet >= 2) return;
      } else quiet = 0;
      await sleep(100);
    }
    throw new Error(`processors did not catch up within ${timeoutMs} ms: ${last.slice(0, 2000)}`);
  }

  async processors(): Promise<Array<{ name: string; state: string; positionsBehind?: number }>> {
    const response = await fetch(`${this.url}/health/ready`);
    const body = (await response.json()) as { processors?: Array<{ name: string; state: string; positionsBehind?: number }> };
    return body.processors ?? [];
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, and waits for the clean shutdown (the exit code). */
  async stop(): Promise<number | null> {
    if (!this.alive) return this.child?.exitCode ?? null;
    this.child?.kill('SIGTERM');
    const code = await Promise.race([this.exited, sleep(30_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      await this.kill();
      throw new Error('the platform did not stop within 30 s of SIGTERM');
    }
    return code ?? null;
  }

  /** Stops the process and removes its temp dir (a given data dir is left alone). */
  async dispose(): Promise<void> {
    RUNNING.delete(this);
    await this.stop().catch(() => this.kill());
    await new Promise<void>((done) => (this.log ? this.log.end(done) : done()));
    rmSync(this.root, { recursive: true, force: true });
  }
}

const RUNNING = new Set<PlatformProcess>();

/** Stops every platform process this test file started (SIGKILL if SIGTERM does not do it). */
export async function stopAllPlatforms(): Promise<void> {
  await Promise.all([...RUNNING].map((platform) => platform.dispose()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
