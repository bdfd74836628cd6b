import { UUID_PATTERN, uuidv7, type ActorRole, type CommandContext } from '@c360/kernel';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const ROLES: readonly ActorRole[] = ['agent', 'supervisor', 'system', 'partner', 'customer', 'auditor'];

/**
 * Builds the CommandContext of a request from its headers:
 * - `Idempotency-Key` (UUID): repeating a request with the same key returns the first result;
 *   without it every request is a new command;
 * - `If-Match` (a version number): optimistic concurrency, 409 with the current version on mismatch;
 * - `X-Correlation-Id`; `X-Actor-Id` and `X-Actor-Role` (set by the gateway after authentication).
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
  const role = (header('x-actor-role') ?? 'agent') as ActorRole;
  if (!ROLES.includes(role)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'validation_failed',
      message: `X-Actor-Role must be one of ${ROLES.join(', ')}`,
      fields: [{ field: 'X-Actor-Role', problems: [`must be one of ${ROLES.join(', ')}`] }],
    });
  }
  const commandId = idempotencyKey?.toLowerCase() ?? uuidv7();
  return {
    commandId,
    actor: { id: header('x-actor-id') ?? 'anonymous', role },
    correlationId: header('x-correlation-id') ?? commandId,
    expectedRevision,
  };
}

/** Controller parameter: `@RequestCommandContext() context: CommandContext`. */
export const RequestCommandContext = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  commandContextFrom(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
