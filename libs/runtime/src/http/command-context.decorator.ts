import { UUID_PATTERN, uuidv7, type CommandContext } from '@c360/kernel';
import { BadRequestException, UnauthorizedException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestActor } from '../auth/request-actor';

/**
 * Builds the CommandContext of a request from its headers:
 * - `Idempotency-Key` (UUID): repeating a request with the same key returns the first result;
 *   without it every request is a new command;
 * - `If-Match` (a version number): optimistic concurrency, 409 with the current version on mismatch;
 * - `X-Correlation-Id`.
 * The actor is the one the guards verified from the request's credential (ADR 0011); no header can name it.
 */
export function commandContextFrom(request: FastifyRequest): CommandContext {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && !UUID_PATTERN.test(idempotencyKey)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'validation_failed',
      message: 'Idempotency-Key header must be a UUID',
      fields: [{ field: 'Idempotency-Key', problems: ['must be a UUID'] }],
    });
  }
  const ifMatch = header('if-match')?.replace(/"/g, '');
  const expectedRevision = ifMatch === undefined ? undefined : Number(ifMatch);
  if (expectedRevision !== undefined && (!Number.isInteger(expectedRevision) || expectedRevision < -1)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'validation_failed',
      message: 'If-Match header must be a version number',
      fields: [{ field: 'If-Match', problems: ['must be an integer version'] }],
    });
  }
  const actor = requestActor(request);
  // Only a route that skipped authentication (a public one) gets here without an actor: a wiring error, never a default.
  if (!actor)
    throw new UnauthorizedException({ statusCode: 401, error: 'unauthenticated', message: 'This request carries no verified actor' });
  const commandId = idempotencyKey?.toLowerCase() ?? uuidv7();
  return {
    commandId,
    actor,
    correlationId: header('x-correlation-id') ?? commandId,
    expectedRevision,
  };
}

/** Controller parameter: `@RequestCommandContext() context: CommandContext`. */
export const RequestCommandContext = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  commandContextFrom(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
