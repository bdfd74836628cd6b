import type { CommandContext } from './command-context';

/**
 * How a command ended, as operators count it: `ok` (first try), `retried` (ok after version-conflict
 * retries), `duplicate` (a repeated command id answered with the first result), `rule_violation` (a
 * DomainError from the decider), `conflict` (a stale If-Match, or retries exhausted), `error` (anything else).
 */
export type CommandOutcome = 'ok' | 'retried' | 'duplicate' | 'rule_violation' | 'conflict' | 'error';

export interface CommandObservation {
  /** The aggregate type's name (`LoyaltyAccount`). */
  readonly aggregate: string;
  /** The command's `type` field when it has one (`deposit`): bounded, safe as a metric label. */
  readonly command: string | undefined;
  readonly outcome: CommandOutcome;
  readonly durationMs: number;
  /** Version-conflict retries before the outcome. */
  readonly retries: number;
  /** Events appended by this command (0 for duplicates, refusals and no-ops). */
  readonly events: number;
}

export interface CommandSpanInfo {
  readonly aggregate: string;
  readonly command: string | undefined;
  readonly streamId: string;
  readonly context: CommandContext;
}

/**
 * Watches the command path without the kernel knowing about metrics or tracing libraries: the
 * runtime plugs Prometheus and OpenTelemetry in here. An observer must not throw; the handler
 * swallows anything `onCommand` throws so that observing can never fail a command.
 */
export interface CommandObserver {
  onCommand(observation: CommandObservation): void;
  /** Optional: runs the command inside `work` (a tracing span); must return what `work` returns. */
  around?<T>(info: CommandSpanInfo, work: () => Promise<T>): Promise<T>;
}
