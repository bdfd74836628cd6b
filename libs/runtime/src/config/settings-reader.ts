import { ConfigError } from './config-error';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads a context's own settings from the environment the way the platform reads its own: every
 * problem is collected with the variable's name, and `done` throws one ConfigError listing them all,
 * so a bad setting stops start-up with a message that names it.
 */
export class SettingsReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** A whole number from `min` to `max`; the fallback when unset or empty. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  /** One of `allowed`; the fallback when unset or empty. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}="${raw}" must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  /** An http(s) URL without a trailing slash; required unless a fallback is given. */
  httpUrl(name: string, fallback?: string): string {
    const raw = this.env[name]?.trim() || fallback;
    if (!raw) {
      this.problems.push(`${name} is required`);
      return '';
    }
    try {
      const { protocol } = new URL(raw);
      if (protocol !== 'http:' && protocol !== 'https:') throw new Error(protocol);
    } catch {
      this.problems.push(`${name}="${raw}" must be an http(s) URL`);
    }
    return raw.replace(/\/+$/, '');
  }

  /** The value read, or one ConfigError naming every problem found. */
  done<T>(value: T): T {
    if (this.problems.length) throw new ConfigError(this.problems);
    return value;
  }
}
