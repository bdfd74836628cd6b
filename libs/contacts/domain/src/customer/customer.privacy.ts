import type { PersonalDataPolicy } from '@c360/kernel';
import type { CustomerEventType } from './customer.events';

const byCustomer = (data: Readonly<Record<string, unknown>>) => String(data.customerId);
// What a survivor adopted from (or gave back to) the absorbed customer is that person's data: it is
// sealed with the absorbed customer's key, so erasing that person later makes it unreadable here too.
const byAbsorbed = (data: Readonly<Record<string, unknown>>) => String(data.absorbedId);

/**
 * Which fields of contacts events are personal data (GUIDE "Privacy"): names, e-mails, phones,
 * birthdays, addresses, companies and free-form custom attributes. Ids, dates, codes (tags, sources,
 * referral codes), consent decisions and languages are pseudonymous business facts and stay readable.
 */
export const contactsPersonalData: PersonalDataPolicy & Partial<Record<CustomerEventType, unknown>> = {
  'contacts.customer-registered': {
    subject: byCustomer,
    fields: ['name', 'emails', 'phones', 'birthday', 'address', 'company', 'attributes'],
  },
  'contacts.profile-updated': { subject: byCustomer, fields: ['name', 'birthday', 'address', 'company', 'attributes'] },
  'contacts.email-added': { subject: byCustomer, fields: ['email'] },
  'contacts.email-removed': { subject: byCustomer, fields: ['email'] },
  'contacts.phone-added': { subject: byCustomer, fields: ['phone'] },
  'contacts.phone-removed': { subject: byCustomer, fields: ['phone'] },
  'contacts.duplicate-suspected': { subject: byCustomer, fields: ['identities'] },
  'contacts.customer-absorbed': { subject: byAbsorbed, fields: ['adopted'] },
  'contacts.merge-undone': { subject: byAbsorbed, fields: ['returned'] },
  'contacts.customer-erased': { subject: byCustomer, fields: ['releasedIdentities'] },
};
