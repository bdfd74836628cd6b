import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { HostedProcessorStatus, ThreadStatuses } from '../processors/processor-host';

/** workerData of the processor thread: how a thread knows it is one (runService reads it). */
const MARK = 'c360ProcessorThread';

/** Messages between the two threads. */
export type ProcessorThreadMessage =
  /** worker → main: the processors run; its admin API (processors, rebuilds) listens here on 127.0.0.1. */
  | { readonly type: 'ready'; readonly adminUrl: string }
  /** main → worker: stop the processors, close the stores, exit. */
  | { readonly type: 'stop' }
  /** main → worker: what each processor is doing (for health, metrics and read-your-writes). */
  | { readonly type: 'statuses-request'; readonly id: number }
  /** worker → main: the answer. */
  | { readonly type: 'statuses'; readonly id: number; readonly statuses: readonly HostedProcessorStatus[] };

/** Whether this thread is the processor thread of a platform process (started by ProcessorThread). */
export function isProcessorThread(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[MARK] === true;
}

/** In the processor thread: tells the main thread where its admin API listens. */
export function announceReady(adminUrl: string): void {
  parentPort?.postMessage({ type: 'ready', adminUrl } satisfies ProcessorThreadMessage);
}

/**
 * In the processor thread: runs `stop` when the main thread asks (signals reach only the main thread),
 * and answers its status requests.
 */
export function answerMainThread(stop: () => Promise<void>, statuses: () => Promise<readonly HostedProcessorStatus[]>): void {
  parentPort?.on('message', (message: ProcessorThreadMessage) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'statuses-request') {
      void statuses().then(
        (answer) => parentPort?.postMessage({ type: 'statuses', id: message.id, statuses: answer } satisfies ProcessorThreadMessage),
        () => undefined, // unanswered: the main thread times out and reports the thread as not answering
      );
    }
  });
}

export interface ProcessorThreadOptions {
  readonly error: (message: string) => void;
  /** Restart delays after an unexpected exit: the first, doubled each time up to the last. */
  readonly restartDelayMs?: { readonly first: number; readonly max: number };
  /** What the thread runs; by default what started this process (specs give a script of their own). */
  readonly entry?: { readonly filename: string; readonly argv: readonly string[] };
}

export type ProcessorThreadState = 'starting' | 'running' | 'restarting' | 'stopped';

/**
 * The main thread's handle on the processor thread (ADR 0029): the same entry point started again on a
 * worker thread with `C360_ROLE=processors`, its own store connections, no public port and no metrics
 * port. The main thread then serves only HTTP (as `C360_ROLE=api` does) and follows the processors'
 * checkpoints. A thread that dies is logged and started again with a backoff; SIGKILL of the process
 * takes both threads at once, which is what the crash guarantees rely on.
 */
export class ProcessorThread {
  private worker: Worker | undefined;
  private stopping = false;
  private restarts = 0;
  private delayMs: number;
  private retry: NodeJS.Timeout | undefined;
  private current: ProcessorThreadState = 'starting';
  private admin: string | undefined;
  private readonly readyWaiters = new Set<() => void>();
  private readonly statusWaiters = new Map<number, (statuses: readonly HostedProcessorStatus[]) => void>();
  private nextRequest = 1;

  constructor(private readonly options: ProcessorThreadOptions) {
    this.delayMs = options.restartDelayMs?.first ?? 1_000;
  }

  /** Starts the thread; resolves once its processors run (or it exited: it is then restarted in the background). */
  start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.readyWaiters.add(resolve));
    this.spawn();
    return ready;
  }

  get state(): ProcessorThreadState {
    return this.current;
  }

  /** Unexpected exits so far (each followed by a restart). */
  get restartCount(): number {
    return this.restarts;
  }

  /** Where the thread's admin API listens, while it runs. */
  get adminUrl(): string | undefined {
    return this.current === 'running' ? this.admin : undefined;
  }

  /**
   * What the thread's processors are doing, or why that is not known: not running (starting, restarting,
   * stopped) or no answer within `timeoutMs`.
   */
  async statuses(timeoutMs = 1_000): Promise<ThreadStatuses> {
    const worker = this.worker;
    if (!worker || this.current !== 'running') {
      return { unavailable: `the processor thread is ${this.current}${this.restarts ? ` (restart ${this.restarts})` : ''}` };
    }
    const id = this.nextRequest++;
    const answer = new Promise<readonly HostedProcessorStatus[]>((resolve) => this.statusWaiters.set(id, resolve));
    worker.postMessage({ type: 'statuses-request', id } satisfies ProcessorThreadMessage);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const statuses = await Promise.race([answer, timedOut]);
    clearTimeout(timer);
    this.statusWaiters.delete(id);
    return statuses ? { statuses } : { unavailable: `the processor thread did not answer within ${timeoutMs} ms` };
  }

  /** Asks the thread to stop cleanly; terminates it after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    const worker = this.worker;
    this.current = 'stopped';
    this.wakeReadyWaiters();
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'stop' } satisfies ProcessorThreadMessage);
    const timer = setTimeout(() => void worker.terminate(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    this.current = this.restarts === 0 ? 'starting' : 'restarting';
    const { filename, argv } = this.options.entry ?? entryPoint();
    const worker = new Worker(filename, {
      argv: [...argv],
      workerData: { [MARK]: true },
      // Its own copy of the environment: the role, and no public or metrics port of its own.
      env: { ...process.env, C360_ROLE: 'processors', HOST: '127.0.0.1', PORT: '0', METRICS_PORT: '' },
    });
    this.worker = worker;
    worker.on('message', (message: ProcessorThreadMessage) => {
      if (message.type === 'statuses') this.statusWaiters.get(message.id)?.(message.statuses);
      if (message.type !== 'ready') return;
      this.admin = message.adminUrl;
      this.current = 'running';
      this.delayMs = this.options.restartDelayMs?.first ?? 1_000;
      this.wakeReadyWaiters();
    });
    worker.on('error', (error) => this.options.error(`processor thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      this.worker = undefined;
      this.admin = undefined;
      if (this.stopping) return;
      this.restarts += 1;
      this.current = 'restarting';
      this.options.error(`processor thread exited (code ${code}); starting it again in ${this.delayMs} ms (restart ${this.restarts})`);
      this.wakeReadyWaiters();
      this.retry = setTimeout(() => this.spawn(), this.delayMs);
      this.retry.unref();
      this.delayMs = Math.min(this.delayMs * 2, this.options.restartDelayMs?.max ?? 30_000);
    });
  }

  private wakeReadyWaiters(): void {
    for (const wake of this.readyWaiters) wake();
    this.readyWaiters.clear();
  }
}

/**
 * What started this process, to start it again on the thread: `node scripts/run-ts.js <entry.ts>` (the
 * launcher rewrites argv to the entry, so the launcher is `require.main`) or `node dist/main.js`.
 */
function entryPoint(): { filename: string; argv: string[] } {
  const launcher = require.main?.filename ?? process.argv[1];
  const args = process.argv.slice(1);
  return { filename: launcher, argv: launcher === args[0] ? args.slice(1) : args };
}
