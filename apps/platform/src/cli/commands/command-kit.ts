import { InvalidArgumentError } from 'commander';
import type { Contexts } from '@c360/replay';
import type { CliStores } from '../cli-stores';
import type { Output } from '../output';

/** What every command gets: the platform's contexts, the configured stores (opened on first use), the output. */
export interface CommandKit {
  readonly contexts: Contexts;
  stores(): Promise<CliStores>;
  /** The environment the stores are configured from (with --data-dir applied). */
  env(): NodeJS.ProcessEnv;
  output(): Output;
  /** Marks the run failed (exit 1) after a check printed what it found. */
  fail(): void;
}

/** A positive integer option (`--last 20`); anything else is a usage error naming the option. */
export function positiveInteger(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidOptionValue(`${option} must be a positive integer (got "${value}")`);
    return Number(value);
  };
}

/** Thrown by option parsers: commander reports it, with the option's name, as a usage error. */
export class InvalidOptionValue extends InvalidArgumentError {}
