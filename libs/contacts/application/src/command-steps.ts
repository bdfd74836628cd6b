import { uuidv7, type CommandContext } from '@c360/kernel';

/** Steps of a multi-stream request derive their ids from the request's: the kernel's `stepContext`. */
export { stepContext } from '@c360/kernel';

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
