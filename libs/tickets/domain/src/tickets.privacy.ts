import type { PersonalDataPolicy } from '@c360/kernel';
import type { TicketsEventType } from './tickets-events';

const customer = (data: Readonly<Record<string, unknown>>) => String(data.customerId);

/**
 * Personal data in ticket events (ADR 0006): everything a customer or an agent writes about the
 * customer's problem — subject, description, replies, notes, the resolution and a reopen's reason — is
 * sealed with the customer's key, so it is unreadable once the customer is erased. Statuses, priorities,
 * categories (slugs), agent and team ids, instants and SLA figures are business facts.
 */
export const ticketsPersonalData: PersonalDataPolicy & Partial<Record<TicketsEventType, unknown>> = {
  'tickets.ticket-opened': { subject: customer, fields: ['subject', 'description'] },
  'tickets.reply-added': { subject: customer, fields: ['body'] },
  'tickets.note-added': { subject: customer, fields: ['body'] },
  'tickets.ticket-resolved': { subject: customer, fields: ['resolution'] },
  'tickets.ticket-reopened': { subject: customer, fields: ['reason'] },
};
