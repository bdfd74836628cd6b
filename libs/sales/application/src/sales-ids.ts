import { deriveId, type CommandContext } from '@c360/kernel';

/**
 * Ids of things a command creates are derived from the command id: a request repeated with the same
 * Idempotency-Key lands on the same stream and returns the first result instead of creating a twin.
 */
export function createdId(kind: 'pipeline' | 'deal' | 'contract' | 'activity' | 'refund', context: CommandContext): string {
  return deriveId(`sales/${kind}/${context.commandId}`);
}
