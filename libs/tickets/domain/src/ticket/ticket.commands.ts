import type { SlaSettings, SlaTarget, TicketPriority, TicketStatus } from '../sla/sla.types';
import type { ReplyAuthor, TicketChannel } from './ticket.events';

/** Every ticket command carries the instant, who sends it, and the SLA policies and calendars in force. */
interface Envelope {
  readonly now: string;
  readonly actorId: string;
  readonly sla: SlaSettings;
}

export type TicketCommand = Envelope &
  (
    | {
        readonly type: 'open-ticket';
        readonly ticketId: string;
        readonly customerId: string;
        readonly channel: TicketChannel;
        readonly subject: string;
        readonly description: string;
        readonly priority: TicketPriority;
        readonly category: string | null;
        readonly followUp?: { readonly surveyResponseId: string; readonly score: number };
      }
    | { readonly type: 'assign-ticket'; readonly agentId: string | null; readonly teamId: string | null }
    | { readonly type: 'add-reply'; readonly replyId: string; readonly author: ReplyAuthor; readonly body: string }
    | { readonly type: 'add-note'; readonly noteId: string; readonly body: string }
    | { readonly type: 'change-status'; readonly status: Extract<TicketStatus, 'open' | 'pending-customer' | 'pending-close'> }
    | { readonly type: 'resolve-ticket'; readonly resolution?: string }
    | { readonly type: 'close-ticket' }
    | { readonly type: 'reopen-ticket'; readonly reason: string }
    | { readonly type: 'change-priority'; readonly priority?: TicketPriority; readonly category?: string | null }
    /** Re-derives the SLA under the policy book now in force (the scheduler sends it after a policy change). */
    | { readonly type: 'refresh-sla' }
    /** `into` is the surviving ticket as its stream stands (the service loads it). */
    | {
        readonly type: 'merge-ticket';
        readonly into: { readonly ticketId: string; readonly customerId: string; readonly status: TicketStatus | 'none' };
      }
    | { readonly type: 'absorb-ticket'; readonly sourceTicketId: string }
    | { readonly type: 'record-sla-warning'; readonly target: SlaTarget; readonly cycle: string; readonly dueAt: string }
    | { readonly type: 'record-sla-breach'; readonly target: SlaTarget; readonly cycle: string; readonly dueAt: string }
  );

export type TicketCommandType = TicketCommand['type'];
