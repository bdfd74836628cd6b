import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { RespondentResult } from '../respondents/respondent.service';

/** The commands surveys' workflows send in reaction to tickets' events. */

/** A ticket an agent answered was resolved: one CSAT survey for that ticket. */
export class SendTicketCsat extends ContextCommand<RespondentResult | null> {
  constructor(
    readonly ticket: { readonly ticketId: string; readonly customerId: string; readonly agentId?: string; readonly teamId?: string },
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** The follow-up ticket of an answer was opened, first answered by an agent, or resolved. */
export class RecordFollowUpOutcome extends ContextCommand<RespondentResult> {
  constructor(
    readonly outcome: 'opened' | 'contacted' | 'resolved',
    readonly target: { readonly customerId: string; readonly invitationId: string; readonly ticketId: string; readonly at: string },
    context?: CommandContext,
  ) {
    super(context);
  }
}
