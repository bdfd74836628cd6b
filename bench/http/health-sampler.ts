export interface ProcessorFigures {
  readonly name: string;
  readonly state: string;
  readonly lag?: number;
  readonly lagSeconds?: number;
  readonly positionsBehind?: number;
}

export interface HealthFigures {
  readonly status: number;
  readonly processors: readonly ProcessorFigures[];
  readonly rssMiB?: number;
}

export async function health(base: URL): Promise<HealthFigures> {
  const response = await fetch(new URL('/health/ready', base));
  const body = (await response.json()) as { processors?: ProcessorFigures[]; process?: { rssMiB?: number } };
  return { status: response.status, processors: body.processors ?? [], rssMiB: body.process?.rssMiB };
}

/** Positions behind the head: the old `lag` before issue 11, `positionsBehind` after. */
export function behind(p: ProcessorFigures): number {
  return p.positionsBehind ?? p.lag ?? 0;
}

/** Polls until every processor has handled the whole log; seconds it took. */
export async function waitCaughtUp(base: URL, timeoutMs = 600_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    const figures = await health(base).catch(() => undefined);
    if (figures && figures.processors.length && figures.processors.every((p) => behind(p) === 0)) return (performance.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  return Number.NaN;
}

export function printLag(figures: HealthFigures): void {
  for (const p of figures.processors) {
    const seconds = p.lagSeconds === undefined ? 'n/a' : `${p.lagSeconds.toFixed(2)} s`;
    console.log(
      `    ${p.name.padEnd(52)} ${p.state.padEnd(11)} behind ${String(behind(p)).padStart(7)} positions, own events ${String(p.positionsBehind === undefined ? 'n/a' : p.lag).padStart(7)}, oldest ${seconds}`,
    );
  }
}

export interface LagSampler {
  /** Stops polling; the highest age of the oldest unprocessed event seen per processor, in seconds. */
  stop(): Promise<Map<string, number>>;
}

/**
 * Polls `/health/ready` during a load and keeps each processor's worst `lagSeconds`: a reaction that
 * falls behind in the middle of a run and catches up before its end is seen.
 */
export function sampleLag(base: URL, intervalMs = 1_000): LagSampler {
  const worst = new Map<string, number>();
  let stopped = false;
  let wake: (() => void) | undefined;
  const poll = (async () => {
    while (!stopped) {
      const figures = await health(base).catch(() => undefined);
      for (const p of figures?.processors ?? []) {
        if (p.lagSeconds !== undefined) worst.set(p.name, Math.max(worst.get(p.name) ?? 0, p.lagSeconds));
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await poll;
      return worst;
    },
  };
}
