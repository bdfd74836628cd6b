import type { DocumentProjection } from '@c360/kernel';
import type { NoteAdded, ReplyAdded } from '@c360/tickets-domain';

export interface TicketMessageDocument {
  readonly messageId: string;
  readonly ticketId: string;
  readonly customerId: string;
  /** reply: public, to or from the customer; note: internal. */
  readonly kind: 'reply' | 'note';
  readonly author: 'agent' | 'customer';
  readonly authorId: string;
  /** Sealed with the customer's key (ADR 0006): the query opens it. */
  readonly body: unknown;
  readonly at: string;
}

/** The conversation of a ticket, oldest first: public replies and internal notes. */
export const ticketMessagesProjection: DocumentProjection<TicketMessageDocument, ReplyAdded | NoteAdded> = {
  name: 'tickets-ticket-messages',
  version: 1,
  handles: ['tickets.reply-added', 'tickets.note-added'],
  indexes: [{ fields: ['ticketId', 'at'] }],
  documentIds: (event) => [`${event.data.ticketId}:${event.type === 'tickets.reply-added' ? event.data.replyId : event.data.noteId}`],
  evolve(_doc, event) {
    const d = event.data;
    if (event.type === 'tickets.reply-added') {
      const r = event.data;
      return {
        messageId: r.replyId,
        ticketId: r.ticketId,
        customerId: r.customerId,
        kind: 'reply',
        author: r.author,
        authorId: r.authorId,
        body: r.body,
        at: r.repliedAt,
      };
    }
    const n = event.data;
    return {
      messageId: n.noteId,
      ticketId: d.ticketId,
      customerId: d.customerId,
      kind: 'note',
      author: 'agent',
      authorId: n.authorId,
      body: n.body,
      at: n.notedAt,
    };
  },
};
