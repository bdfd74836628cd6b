import type { PersonalDataPolicy } from '@c360/kernel';
import type { SalesEventType } from './sales-events';

/**
 * Personal data in sales events (GUIDE "Privacy", ADR 0006): the subject and notes of an activity are
 * free text about a conversation with the customer, so they are sealed with the customer's key and
 * become unreadable when the customer is erased. Everything else sales writes is business facts
 * (ids, amounts, SKUs, dates, stage names); deal titles and reasons are meant for business wording.
 */
export const salesPersonalData: PersonalDataPolicy & Partial<Record<SalesEventType, unknown>> = {
  'sales.deal-activity-logged': {
    subject: (data: Readonly<Record<string, unknown>>) => String(data.customerId),
    fields: ['subject', 'notes'],
  },
};
