import {
  TICKETS_REPLY_ADDED,
  TICKETS_TICKET_OPENED,
  TICKETS_TICKET_RESOLVED,
  type TicketsReplyAddedContract,
  type TicketsTicketOpenedContract,
  type TicketsTicketResolvedContract,
} from '@c360/tickets-contracts';

export { TICKETS_REPLY_ADDED, TICKETS_TICKET_OPENED, TICKETS_TICKET_RESOLVED };

/** A tickets event that breaks the agreed contract: the reaction stops on it, naming the fields, instead of guessing. */
export class TicketsContractError extends Error {
  override readonly name = 'TicketsContractError';
  constructor(eventType: string, problems: readonly string[]) {
    super(`${eventType} does not match the agreed contract: ${problems.join('; ')}`);
  }
}

/**
 * Reads tickets' events field by field into surveys' own shapes (a field the contract does not have
 * fails to compile). Ids and instants only: tickets' free text is never part of the contract.
 */
function reader<T>(eventType: string, data: unknown) {
  const record = (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const text = (field: Extract<keyof T, string>, optional = false): string | undefined => {
    const value = record[field];
    if (typeof value === 'string' && value.length > 0) return value;
    if (optional && (value === undefined || value === null)) return undefined;
    problems.push(`${field} must be a non-empty string`);
    return undefined;
  };
  const done = <R>(value: R): R => {
    if (problems.length) throw new TicketsContractError(eventType, problems);
    return value;
  };
  return { record, text, done };
}

export interface TicketOpenedFacts {
  readonly ticketId: string;
  readonly customerId: string;
  readonly openedAt: string;
  /** Set when the ticket is the follow-up of a survey answer (`surveyResponseId` is the invitation id). */
  readonly followUpOf?: string;
}

export function readTicketOpened(data: unknown): TicketOpenedFacts {
  const r = reader<TicketsTicketOpenedContract>(TICKETS_TICKET_OPENED, data);
  const followUp = r.record['followUp'] as { surveyResponseId?: unknown } | undefined;
  const followUpOf = typeof followUp?.surveyResponseId === 'string' ? followUp.surveyResponseId : undefined;
  return r.done({ ticketId: r.text('ticketId')!, customerId: r.text('customerId')!, openedAt: r.text('openedAt')!, followUpOf });
}

export interface ReplyFacts {
  readonly ticketId: string;
  readonly customerId: string;
  readonly byAgent: boolean;
  readonly repliedAt: string;
}

export function readReplyAdded(data: unknown): ReplyFacts {
  const r = reader<TicketsReplyAddedContract>(TICKETS_REPLY_ADDED, data);
  const author = r.text('author');
  return r.done({
    ticketId: r.text('ticketId')!,
    customerId: r.text('customerId')!,
    byAgent: author === 'agent',
    repliedAt: r.text('repliedAt')!,
  });
}

export interface ResolvedFacts {
  readonly ticketId: string;
  readonly customerId: string;
  readonly agentId?: string;
  readonly teamId?: string;
  readonly resolvedAt: string;
}

export function readTicketResolved(data: unknown): ResolvedFacts {
  const r = reader<TicketsTicketResolvedContract>(TICKETS_TICKET_RESOLVED, data);
  return r.done({
    ticketId: r.text('ticketId')!,
    customerId: r.text('customerId')!,
    agentId: r.text('agentId', true),
    teamId: r.text('teamId', true),
    resolvedAt: r.text('resolvedAt')!,
  });
}
