import { deriveId, uuidv7, type CommandContext } from '@c360/kernel';

/**
 * A command that is one step of a request touching several streams: its id is derived from the
 * request's, so that retrying the request with the same Idempotency-Key repeats the step as a no-op.
 * Only the step on the resource the client named carries its If-Match.
 */
export function stepContext(context: CommandContext, step: string): CommandContext {
  return {
    commandId: deriveId(`${context.commandId}/${step}`),
    actor: context.actor,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.commandId,
  };
}

/**
 * For steps whose aggregate is idempotent by itself (identity claims): a fresh id, so that a claim
 * released by a compensation can be claimed again by a retried request.
 */
export function freshStepContext(context: CommandContext): CommandContext {
  return {
    commandId: uuidv7(),
    actor: context.actor,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.commandId,
  };
}
