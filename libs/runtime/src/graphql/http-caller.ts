import { ConfigError } from '../config/config-error';
import { parseBody, type ServiceCaller, type ServiceRequest, type ServiceResponse } from './service-caller';

/** `C360_SERVICE_URL_CUSTOMER360` for `customer360`, `C360_SERVICE_URL_CONTACTS` for `contacts`. */
export function serviceUrlVariable(context: string): string {
  return `C360_SERVICE_URL_${context.toUpperCase().replace(/-/g, '_')}`;
}

/** One base URL per context, read at start-up; a missing or malformed one stops the process naming its variable. */
export function loadServiceUrls(contexts: readonly string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const problems: string[] = [];
  const urls: Record<string, string> = {};
  for (const context of contexts) {
    const name = serviceUrlVariable(context);
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required: the base URL of the ${context} service (http://host:port)`);
    else if (!/^https?:\/\/[^/\s]+(\/.*)?$/.test(value)) problems.push(`${name}="${value}" must be an http(s) URL`);
    else urls[context] = value.replace(/\/+$/, '');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return urls;
}

/**
 * How long the gateway waits for a service (`C360_SERVICE_TIMEOUT_MS`, default 30 s): longer than a
 * read-your-writes wait (`READ_MIN_POSITION_WAIT_MS`) so that the service answers first, and long enough
 * for a command on a loaded machine (10 s timed registrations out in the distributed smoke test).
 */
export function loadServiceTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.C360_SERVICE_TIMEOUT_MS?.trim();
  if (!raw) return 30_000;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConfigError([`C360_SERVICE_TIMEOUT_MS="${raw}" must be a positive integer (milliseconds)`]);
  return value;
}

/**
 * Services run apart: the call goes over HTTP to the owning service with the caller's own credential
 * (the service verifies it and records the acting user, exactly as for a REST client).
 */
export class HttpServiceCaller implements ServiceCaller {
  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly timeoutMs = 30_000,
  ) {}

  async call(request: ServiceRequest): Promise<ServiceResponse> {
    const base = this.urls[request.context];
    if (!base) throw new Error(`No service URL for the ${request.context} context`);
    const answer = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: request.body === undefined ? request.headers : { ...request.headers, 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    return { status: answer.status, body: parseBody(await answer.text()), position: answer.headers.get('c360-position') ?? undefined };
  }
}
