import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** `npm start` as a user runs it: the real process on the embedded default, in a fresh data dir. */
function startPlatform(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, [join(root, 'scripts/run-ts.js'), 'apps/platform/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
}

describe('the platform process (npm start)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded default, answers /health/ready, and stops cleanly', async () => {
    const port = await freePort();
    // With the processor thread (ADR 0029; opt-in until cross-thread stream conflicts are solved).
    const { child, output } = startPlatform({ C360_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    try {
      let ready: { status: string } | undefined;
      for (let attempt = 0; attempt < 120 && !ready; attempt++) {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
        // 200 `degraded` first, while the processor thread starts (ADR 0029); then `ready`.
        const body = response?.status === 200 ? ((await response.json()) as { status: string }) : undefined;
        if (body?.status === 'ready') ready = body;
        else await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready?.status).toBe('ready');
      // Health reports what the processor thread's processors are doing, not the checkpoints it follows.
      const states = (ready as unknown as { components: { processors: { state: string }[] }[] }).components.flatMap((c) =>
        c.processors.map((p) => p.state),
      );
      expect(states.length).toBeGreaterThan(10);
      expect(states.filter((state) => state === 'standby')).toEqual([]);
      expect(existsSync(join(dataDir, 'events.db'))).toBe(true);
      expect(existsSync(join(dataDir, 'read-models.db'))).toBe(true);
      // Zero setup: the first start created the signing secret (owner-only) and printed one admin token.
      expect(statSync(join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
      const token = /Bootstrap admin token[^\n]*\n\s*\n\s*(\S+)/.exec(output())?.[1];
      const keys = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/admin/api-keys`, { headers });
      expect((await keys({ Authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await keys({})).status).toBe(401);
      // The processors run on their own thread (ADR 0029): their admin API answers from there, guards included.
      const processors = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/admin/processors`, { headers });
      const listed = (await (await processors({ Authorization: `Bearer ${token}` })).json()) as { processors: { state: string }[] };
      expect(listed.processors.length).toBeGreaterThan(10);
      expect(listed.processors.every((processor) => processor.state !== 'standby')).toBe(true); // worked on there, not followed
      const refused = await processors({});
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/); // the thread's answer, headers included
    } finally {
      const exit = exited(child);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }
    expect(output()).toMatch(/Customer 360 listening on http:\/\/127\.0\.0\.1.*processors: on their own thread/);
  }, 60_000);

  it('refuses to start with a bad setting, naming the variable', async () => {
    const { child, output } = startPlatform({ C360_DATA_DIR: dataDir, EVENT_STORE: 'postgres', PORT: 'x' });
    expect(await exited(child)).toBe(1);
    expect(output()).toMatch(/EVENT_STORE="postgres" must be one of: sqlite, eventstoredb/);
    expect(output()).toMatch(/PORT="x"/);
  }, 60_000);
});
