import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

export interface AppOptions {
  /** A name for logs and failure messages: `contacts`, `processors-1`. */
  readonly name: string;
  /** The app's entry, as its `npm run start:<app>` script runs it: `apps/sales/src/main.ts`. */
  readonly entry: string;
  /** The whole configuration of the app (docs/configuration.md); HOST and PORT are set here. */
  readonly env: Readonly<Record<string, string>>;
  /** Where everything the app prints is appended. */
  readonly logDir: string;
}

/**
 * One app of the platform as its own process on 127.0.0.1, configured only by environment, the way an
 * operator starts it (`node scripts/run-ts.js <entry>`). It runs in a process group of its own, so
 * `kill()` (SIGKILL) and `stop()` (SIGTERM, then SIGKILL after a bounded wait) reach whatever it spawned.
 * Every app started here is tracked: `stopAllApps()` in afterAll stops them whatever the spec did.
 */
export class AppProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private output = '';
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly options: AppOptions,
    readonly port: number,
  ) {}

  static async start(options: AppOptions, liveTimeoutMs = 90_000): Promise<AppProcess> {
    const app = new AppProcess(options, await freePort());
    RUNNING.add(app);
    app.spawn();
    await app.waitLive(liveTimeoutMs);
    return app;
  }

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the app printed, for a failure message. */
  tail(characters = 3000): string {
    return this.output.slice(-characters);
  }

  private spawn(): void {
    this.log = createWriteStream(join(this.options.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(ROOT, 'scripts/run-ts.js'), this.options.entry], {
      cwd: ROOT,
      // Only what the app is given, plus what Node itself needs to run: no variable of this shell leaks in.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.options.env, HOST: '127.0.0.1', PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    // infra/test-distributed.sh kills these groups on exit too, should Jest itself be killed (timeout).
    const pidFile = process.env.C360_DIST_PID_FILE;
    if (pidFile && child.pid !== undefined) appendFileSync(pidFile, `${child.pid}\n`);
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
      this.log?.write(chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  /** Resolves once `/health/live` answers 200; fails when the app exits or the time is up. */
  private async waitLive(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.alive) throw new Error(`${this.name} exited during start-up:\n${this.tail()}`);
      const ok = await fetch(`${this.url}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      await pause(100);
    }
    throw new Error(`${this.name} did not answer /health/live within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGKILL to the whole group: no shutdown hook runs, no lease is released. Resolves once it is gone. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (a clean shutdown), SIGKILL when it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.alive) {
      this.signalGroup('SIGTERM');
      const stopped = await Promise.race([this.exited.then(() => true), pause(graceMs).then(() => false)]);
      if (!stopped) await this.kill();
    }
    RUNNING.delete(this);
    await new Promise<void>((done) => (this.log ? this.log.end(done) : done()));
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  }
}

const RUNNING = new Set<AppProcess>();

/** Stops every app this test file started, all at once (each bounded by its SIGKILL fallback). */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...RUNNING].map((app) => app.stop()));
}

/** Pauses between polls of a condition that has its own deadline (never to wait for a projection). */
export function pause(ms: number): Promise<void> {
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
