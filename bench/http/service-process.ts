import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export interface ServiceProcess {
  readonly url: URL;
  readonly child: ChildProcess;
  /** Resident memory of the process, from /proc (Linux). */
  rssMiB(): number | undefined;
  stop(): Promise<number | null>;
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `entry` (a TypeScript main) like `npm start` does, on a free port of 127.0.0.1. */
export async function startService(entry: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  // BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service (not allowed in NODE_OPTIONS).
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, join(root, 'scripts/run-ts.js'), entry], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    child,
    rssMiB() {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    stop() {
      return new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGTERM');
      });
    },
    output: () => output,
  };
}

/** Resolves once GET `path` answers (any status); the time it took, in seconds. */
export async function waitForHttp(url: URL, path = '/health/live', timeoutMs = 120_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    const ok = await fetch(new URL(path, url)).then(
      () => true,
      () => false,
    );
    if (ok) return (performance.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer ${path} within ${timeoutMs} ms`);
}
