import { uuidv7 } from '@c360/kernel';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller may send: it ends up in every log line, event and trace id of the request, so no spaces, quotes or newlines. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;
const decided = Symbol('c360.correlationId');

type Request = IncomingMessage & { [decided]?: string };

/**
 * The correlation id of a request, decided once: the caller's `X-Correlation-Id` when it is a sane
 * token, otherwise a new UUIDv7. It is written back into the request's headers — where
 * `commandContextFrom` reads it into the CommandContext, and so into the events' metadata — and
 * echoed in the response's `X-Correlation-Id` header. Logging, metrics and tracing all ask here.
 */
export function correlationIdOf(request: IncomingMessage, response?: ServerResponse): string {
  const req = request as Request;
  let id = req[decided];
  if (id === undefined) {
    const sent = req.headers[CORRELATION_HEADER];
    const candidate = Array.isArray(sent) ? sent[0] : sent;
    id = candidate !== undefined && ACCEPTABLE.test(candidate) ? candidate : uuidv7();
    req[decided] = id;
    req.headers[CORRELATION_HEADER] = id;
  }
  if (response && !response.headersSent && !response.hasHeader(CORRELATION_HEADER)) response.setHeader('X-Correlation-Id', id);
  return id;
}
