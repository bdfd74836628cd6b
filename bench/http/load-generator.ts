import { Agent, request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request on a keep-alive agent; resolves with status, body and headers. */
export function send(agent: Agent, url: URL, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly statuses: Record<string, number>;
  readonly seconds: number;
  /** Latencies in milliseconds, sorted. */
  readonly latencies: readonly number[];
  /** Highest `C360-Position` acknowledged. */
  readonly maxPosition: number;
}

export interface LoadOptions {
  readonly base: URL;
  readonly clients: number;
  readonly seconds: number;
  /**
   * Open loop: this many requests a second in total, evenly spaced, latency measured from the planned
   * send time (no coordinated omission). Omitted: closed loop, each client sends its next request
   * as soon as the previous one is answered.
   */
  readonly rate?: number;
  /** Sent with every request (the bearer token). */
  readonly headers?: Record<string, string>;
  /** The request number `n` (unique per run). */
  readonly next: (n: number) => { method: string; path: string; body?: unknown };
}

/** Drives `clients` keep-alive connections for `seconds`; 2xx counts as acknowledged. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let maxPosition = -1;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const interval = options.rate ? 1000 / options.rate : 0;

  const one = async (planned: number) => {
    const n = sent++;
    const { method, path, body } = options.next(n);
    try {
      const reply = await send(agent, new URL(path, options.base), method, body, options.headers);
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      if (reply.status >= 200 && reply.status < 300) {
        ok++;
        const position = Number(reply.headers['c360-position']);
        if (Number.isFinite(position) && position > maxPosition) maxPosition = position;
      }
    } catch (error) {
      statuses[`error ${(error as NodeJS.ErrnoException).code ?? 'unknown'}`] =
        (statuses[`error ${(error as NodeJS.ErrnoException).code ?? 'unknown'}`] ?? 0) + 1;
    }
    latencies.push(performance.now() - planned);
  };

  const client = async (lane: number) => {
    if (!interval) {
      while (performance.now() < deadline) await one(performance.now());
      return;
    }
    // Open loop: lane k sends at started + (k + i·clients)·interval.
    for (let i = 0; ; i++) {
      const planned = started + (lane + i * options.clients) * interval;
      if (planned >= deadline) return;
      const wait = planned - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await one(planned);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, lane) => client(lane)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, ok, failed: sent - ok, statuses, seconds: (performance.now() - started) / 1000, latencies, maxPosition };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Samples GET `path` every `everyMs` until stopped; latencies in ms (connection refused counts as failed). */
export function probe(base: URL, path: string, everyMs: number): { stop(): Promise<{ latencies: number[]; failures: number }> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        const reply = await send(agent, new URL(path, base), 'GET');
        if (reply.status === 200) latencies.push(performance.now() - start);
        else failures++;
      } catch {
        failures++;
      }
      const rest = everyMs - (performance.now() - start);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return { latencies: latencies.sort((a, b) => a - b), failures };
    },
  };
}
