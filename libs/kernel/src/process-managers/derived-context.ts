import type { CommandContext } from '../commands/command-context';
import type { EventEnvelope } from '../envelope/event-envelope';
import { deriveId } from '../ids/id-generator';

/**
 * The context of a command a process manager issues because of an event: its id is derived from the
 * processor and the event (and a step name when one event causes several commands), so a replay after
 * a crash repeats nothing; causation and correlation keep the chain traceable.
 */
export function reactionContext(processor: string, event: EventEnvelope, step?: string): CommandContext {
  return {
    commandId: deriveId(step === undefined ? `${processor}/${event.id}` : `${processor}/${event.id}/${step}`),
    actor: { id: processor, role: 'system' },
    causationId: event.id,
    correlationId: event.metadata.correlationId,
  };
}

/**
 * The context of one step of a request that touches several streams: its id is derived from the
 * request's, so retrying the request with the same idempotency key repeats the step as a no-op.
 * Only the step on the resource the client named should carry the client's If-Match.
 */
export function stepContext(context: CommandContext, step: string): CommandContext {
  return {
    commandId: deriveId(`${context.commandId}/${step}`),
    actor: context.actor,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.commandId,
  };
}
