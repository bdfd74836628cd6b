import { randomUUID } from 'node:crypto';
import type { PlatformClient, RequestOptions } from './http-client';
import { sleep } from './platform-process';

export interface Command {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly as?: RequestOptions['as'];
  /** What the command is about (the account), for the checks. */
  readonly subject: string;
  readonly points?: number;
}

export interface Acknowledged extends Command {
  readonly key: string;
  readonly status: number;
  readonly answer: Record<string, unknown>;
  /** How many times it was sent before the platform acknowledged it. */
  readonly attempts: number;
}

export interface LoadFigures {
  readonly acknowledged: Acknowledged[];
  /** Sends that failed on the wire (the process was killed under them) and were retried with their key. */
  readonly networkErrors: number;
  /** Answers 503 (not ready, store busy), retried with their key. */
  readonly unavailable: number;
  /** 4xx answers other than the expected ones, and every 5xx other than 503. */
  readonly unexpected: string[];
}

/**
 * A closed-loop load of commands, each with its own Idempotency-Key, that keeps going through crashes:
 * a send that fails on the wire or answers 503 is sent again with the same key and body until the
 * platform answers (as a client that wants exactly-once must). `stop()` ends it once the commands in
 * flight are answered.
 */
export function runAcknowledgedLoad(
  client: PlatformClient,
  clients: number,
  next: (n: number) => Command,
): { stop(): Promise<LoadFigures>; acknowledgedSoFar(): number } {
  const figures: LoadFigures = { acknowledged: [], networkErrors: 0, unavailable: 0, unexpected: [] };
  let running = true;
  let n = 0;
  const sendUntilAnswered = async (command: Command) => {
    const key = randomUUID();
    for (let attempts = 1; ; attempts++) {
      const answer = await client
        .request(command.method, command.path, { body: command.body, as: command.as, idempotencyKey: key })
        .catch(() => undefined);
      if (!answer) {
        (figures as { networkErrors: number }).networkErrors++;
      } else if (answer.status === 503) {
        (figures as { unavailable: number }).unavailable++;
      } else if (answer.status < 300) {
        figures.acknowledged.push({ ...command, key, status: answer.status, answer: answer.body, attempts });
        return;
      } else {
        figures.unexpected.push(`${command.kind} ${command.path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return;
      }
      if (attempts > 600) throw new Error(`${command.kind} was never answered`);
      await sleep(100);
    }
  };
  const loops = Array.from({ length: clients }, async () => {
    while (running) await sendUntilAnswered(next(n++));
  });
  return {
    acknowledgedSoFar: () => figures.acknowledged.length,
    async stop() {
      running = false;
      await Promise.all(loops);
      return figures;
    },
  };
}
