import type { HostedProcessorStatus } from '../processors/processor-host';

export type ComponentState = 'ok' | 'degraded' | 'failed';

export interface ComponentReadiness {
  readonly name: string;
  readonly state: ComponentState;
  /** Whether its processors serve reads (a context's read models). */
  readonly servesReads: boolean;
  readonly problems: readonly string[];
  readonly processors: readonly string[];
}

export interface ReadinessLimits {
  /** Unprocessed events of a processor's own filter. */
  readonly maxLagEvents: number;
  /** Age of a processor's oldest unprocessed event, in seconds. */
  readonly maxLagSeconds: number;
}

/**
 * The readiness policy (docs/operations.md, ADR 0012), per component:
 * - `failed`: one of its processors stopped on an event (an operator restarts or skips it);
 * - `degraded`: one lags beyond a limit (events of its own filter, or the age of its oldest one), or is
 *   retrying a transient fault;
 * - `ok` otherwise.
 * The platform as a whole is unready only when a store is unreachable or a component that serves reads
 * has failed (its queries would stay stale for good). One lagging or stopped reaction degrades its own
 * component — `/health/ready/<component>` answers 503 — not the whole platform.
 */
export function componentReadiness(processors: readonly HostedProcessorStatus[], limits: ReadinessLimits): ComponentReadiness[] {
  const byComponent = new Map<string, HostedProcessorStatus[]>();
  for (const processor of processors) byComponent.set(processor.component, [...(byComponent.get(processor.component) ?? []), processor]);
  return [...byComponent].map(([name, members]) => {
    const failed = members.filter((p) => p.state === 'failed').map((p) => `${p.name} failed: ${p.lastError}`);
    const degraded = members.flatMap((p) => degradation(p, limits));
    return {
      name,
      state: failed.length ? 'failed' : degraded.length ? 'degraded' : 'ok',
      servesReads: members.some((p) => p.servesReads),
      problems: [...failed, ...degraded],
      processors: members.map((p) => p.name),
    };
  });
}

function degradation(p: HostedProcessorStatus, limits: ReadinessLimits): string[] {
  const problems: string[] = [];
  if ((p.lag ?? 0) > limits.maxLagEvents) {
    problems.push(`${p.name} is ${p.lagCapped ? 'more than ' : ''}${p.lag} events behind (limit ${limits.maxLagEvents})`);
  }
  if ((p.lagSeconds ?? 0) > limits.maxLagSeconds) {
    problems.push(`${p.name} is ${Math.round(p.lagSeconds ?? 0)} s behind (limit ${limits.maxLagSeconds} s)`);
  }
  if (p.state === 'retrying') problems.push(`${p.name} is retrying: ${p.lastError}`);
  return problems;
}
