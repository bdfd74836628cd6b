import { ConcurrencyError, DomainError, IdempotencyConflictError, TransientStoreError, WrongExpectedRevisionError } from '@c360/kernel';
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
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.translate(error);
    void reply.status(status).send(body);
  }

  private translate(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof HttpException) {
      const response = error.getResponse();
      return {
        status: error.getStatus(),
        body: typeof response === 'string' ? { statusCode: error.getStatus(), message: response } : (response as Record<string, unknown>),
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
