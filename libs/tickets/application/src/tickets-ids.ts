import { deriveId, type CommandContext } from '@c360/kernel';

/** Who writes what tickets decides by itself (default policies, the SLA scheduler). */
export const TICKETS_SYSTEM_ACTOR = { id: 'tickets', role: 'system' } as const;

/**
 * Ids of things a command creates are derived from the command id: a request repeated with the same
 * Idempotency-Key lands on the same ticket, reply or note instead of creating a twin.
 */
export function createdId(kind: 'ticket' | 'reply' | 'note', context: CommandContext): string {
  return deriveId(`tickets/${kind}/${context.commandId}`);
}

/** One follow-up ticket per survey response, whoever asks and however often. */
export function followUpTicketId(surveyResponseId: string): string {
  return deriveId(`tickets/follow-up/${surveyResponseId}`);
}
