import {
  ConcurrencyError,
  DomainError,
  IdempotencyConflictError,
  InvalidCursorError,
  TransientStoreError,
  WrongExpectedRevisionError,
} from '@c360/kernel';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

const DOMAIN_STATUS = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
} as const;

/**
 * One translation of errors to HTTP for every service: broken business rules keep their code,
 * concurrency conflicts answer 409 with the current version, store faults 503, the rest 500 without
 * leaking internals.
 */
/** Codes for the errors that Nest and Fastify raise themselves (unknown route, parser and size limits). */
const HTTP_CODES: Readonly<Record<number, { error: string; field?: string }>> = {
  400: { error: 'validation_failed', field: 'body' },
  401: { error: 'unauthenticated' },
  403: { error: 'forbidden' },
  404: { error: 'not-found' },
  405: { error: 'method_not_allowed' },
  413: { error: 'payload_too_large', field: 'body' },
  415: { error: 'unsupported_media_type', field: 'Content-Type' },
};

/**
 * Our own exceptions already carry `{ statusCode, error, message, fields? }`; those raised by the
 * framework carry a bare message. Both answer in one shape, so a client parses every 4xx the same way.
 */
function httpBody(error: HttpException): Record<string, unknown> {
  const status = error.getStatus();
  const response = error.getResponse();
  const own = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  // A code (`validation_failed`, `loyalty.supervisor-required`), not an HTTP reason phrase (`Bad Request`).
  if (typeof own.error === 'string' && /^[a-z0-9._-]+$/.test(own.error)) return own;
  const message = typeof response === 'string' ? response : typeof own.message === 'string' ? own.message : error.message;
  const known = HTTP_CODES[status] ?? { error: status >= 500 ? 'internal_error' : 'request_refused' };
  return {
    statusCode: status,
    error: known.error,
    message,
    ...(known.field ? { fields: [{ field: known.field, problems: [message] }] } : {}),
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    // A resolver's error is the GraphQL server's to answer (the gateway maps its codes), not an HTTP reply.
    if (host.getType<string>() === 'graphql') throw error;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.translate(error);
    if (status === HttpStatus.UNAUTHORIZED) void reply.header('WWW-Authenticate', 'Bearer realm="customer-360"');
    void reply.status(status).send(body);
  }

  private translate(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof HttpException) return { status: error.getStatus(), body: httpBody(error) };
    if (error instanceof InvalidCursorError) {
      // The second line of defence: a route whose DTO does not check its cursor still answers 400, not 500.
      const fields = [{ field: 'cursor', problems: ['must be the nextCursor of a previous page'] }];
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { statusCode: 400, error: 'validation_failed', message: `cursor: ${error.message}`, fields },
      };
    }
    if (error instanceof DomainError) {
      const status = DOMAIN_STATUS[error.kind];
      return { status, body: { statusCode: status, error: error.code, message: error.message, details: error.details } };
    }
    if (error instanceof ConcurrencyError || error instanceof WrongExpectedRevisionError) {
      const currentVersion = error instanceof ConcurrencyError ? error.currentRevision : error.actual;
      return {
        status: HttpStatus.CONFLICT,
        body: { statusCode: 409, error: 'concurrency_conflict', message: error.message, currentVersion },
      };
    }
    if (error instanceof IdempotencyConflictError) {
      return { status: HttpStatus.CONFLICT, body: { statusCode: 409, error: 'idempotency_conflict', message: error.message } };
    }
    if (error instanceof TransientStoreError) {
      this.logger.warn(error.message);
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: { statusCode: 503, error: 'store_unavailable', message: 'The store is unavailable; nothing was written. Retry later.' },
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { statusCode: 500, error: 'internal_error', message: 'Internal error' } };
  }
}
