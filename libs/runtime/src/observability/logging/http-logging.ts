import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Options } from 'pino-http';
import { correlationIdOf } from './correlation-id';

/**
 * pino-http through nestjs-pino, for what it does well: deciding the request's correlation id first
 * thing, and binding a child logger carrying it into AsyncLocalStorage, so that every Nest `Logger`
 * call made while serving the request carries `correlationId`. Its own "request completed" line is
 * off: that line is written by the Fastify `onResponse` hook (HttpTelemetry), which knows the route
 * pattern — the raw URL can carry personal data (`DELETE /customers/:id/emails/:email`).
 */
export function httpLoggingOptions(logger: Logger): Options<IncomingMessage> {
  return {
    logger,
    genReqId: (request, response) => correlationIdOf(request, response),
    customAttributeKeys: { reqId: 'correlationId' },
    // The bound logger carries the correlation id only, never the request object with its headers.
    quietReqLogger: true,
    autoLogging: false,
  };
}
