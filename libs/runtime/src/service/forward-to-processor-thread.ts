import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingHttpHeaders } from 'node:http';

/** The admin routes that act on running processors: answered by the thread that runs them. */
const PROCESSOR_ADMIN = ['/admin/processors', '/admin/projections'];

/** Hop-by-hop headers (and the body's length, which is recomputed) are not forwarded either way. */
const NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade']);

export interface ProcessorThreadTarget {
  /** The thread's admin API, while it runs. */
  readonly url: string | undefined;
  readonly state: string;
}

/**
 * With the processors on their own thread (ADR 0029), restarting, skipping or rebuilding a processor
 * must happen where it runs. This forwards those admin requests, headers and body as they came, to the
 * thread's loopback port and answers with its reply; the thread authenticates and authorizes them with
 * the same guards. `target()` undefined (no processor thread) leaves the request to this process.
 */
export function forwardToProcessorThread(app: NestFastifyApplication, target: () => ProcessorThreadTarget | undefined): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request, reply) => {
      if (!PROCESSOR_ADMIN.some((prefix) => isUnder(request.url, prefix))) return;
      const thread = target();
      if (!thread) return;
      const unavailable = (why: string) =>
        reply.code(503).send({ statusCode: 503, error: 'processors_unavailable', message: `${why}; try again shortly` });
      if (!thread.url) return unavailable(`the processor thread is ${thread.state}`);
      const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
      let response: Response;
      try {
        response = await fetch(new URL(request.url, thread.url), {
          method: request.method,
          headers: forwardedHeaders(request.headers, hasBody),
          body: hasBody ? JSON.stringify(request.body) : undefined,
        });
      } catch (error) {
        return unavailable(`the processor thread did not answer (${(error as Error).message})`);
      }
      const body = Buffer.from(await response.arrayBuffer());
      // Its headers too: a 401's WWW-Authenticate, the request id, C360-Position.
      response.headers.forEach((value, name) => {
        if (!NOT_FORWARDED.has(name) && name !== 'content-encoding') void reply.header(name, value);
      });
      return reply.code(response.status).send(body);
    });
}

function isUnder(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

function forwardedHeaders(headers: IncomingHttpHeaders, hasBody: boolean): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (hasBody) forwarded['content-type'] = 'application/json';
  return forwarded;
}
