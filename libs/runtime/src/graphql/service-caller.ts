import type { HttpMethod } from './graphql-operation';

/** One call to a context's REST route on behalf of the GraphQL caller (their credential, their headers). */
export interface ServiceRequest {
  readonly context: string;
  readonly method: HttpMethod;
  /** Path with its query string: `/tickets/0190…/messages?limit=20`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ServiceResponse {
  readonly status: number;
  readonly body: unknown;
  /** The answer's `C360-Position` (read-your-writes), when it has one. */
  readonly position?: string;
}

/**
 * The port the resolvers talk to. In the embedded platform the call goes in-process to the same
 * Fastify router (no socket); when services run apart it goes over HTTP to the owning service. The
 * resolvers do not know which.
 */
export interface ServiceCaller {
  call(request: ServiceRequest): Promise<ServiceResponse>;
}

export const SERVICE_CALLER = Symbol('c360.graphql.service-caller');

export function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: 'internal_error', message: 'the service answered with something other than JSON' };
  }
}
