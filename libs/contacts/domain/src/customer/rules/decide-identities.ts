import { DomainError } from '@c360/kernel';
import { ContactsErrors } from '../../contacts-errors';
import { normaliseEmail } from '../../values/email';
import { normalisePhone } from '../../values/phone';
import type { AddEmail, AddPhone, RemoveEmail, RemovePhone } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { ActiveCustomer, CustomerState } from '../customer.state';
import { MAX_EMAILS, MAX_PHONES, requireActive } from './require-active';

/**
 * E-mails and phones of a customer. Uniqueness across customers is the identity claims' job (the
 * application claims before adding); here: normal form, no repeats, limits, and a customer never
 * loses its last way to be identified (name, e-mail or phone).
 */
export function decideAddEmail(command: AddEmail, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const email = normaliseEmail(command.email);
  if (customer.emails.includes(email)) return [];
  if (customer.emails.length >= MAX_EMAILS)
    throw ContactsErrors.invalid('too-many-emails', 'email', `a customer has at most ${MAX_EMAILS} e-mails`);
  return [{ type: 'contacts.email-added', data: { customerId: command.customerId, email, addedAt: command.at } }];
}

export function decideRemoveEmail(command: RemoveEmail, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const email = normaliseEmail(command.email);
  if (!customer.emails.includes(email)) {
    throw new DomainError('contacts.email-not-found', 'The customer has no such e-mail', 'not-found', {
      field: 'email',
      customerId: command.customerId,
    });
  }
  keepsAnIdentity(customer, 'email');
  return [{ type: 'contacts.email-removed', data: { customerId: command.customerId, email, removedAt: command.at, reason: 'requested' } }];
}

export function decideAddPhone(command: AddPhone, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const phone = normalisePhone(command.phone, command.defaultRegion);
  if (customer.phones.includes(phone)) return [];
  if (customer.phones.length >= MAX_PHONES)
    throw ContactsErrors.invalid('too-many-phones', 'phone', `a customer has at most ${MAX_PHONES} phones`);
  return [{ type: 'contacts.phone-added', data: { customerId: command.customerId, phone, addedAt: command.at } }];
}

export function decideRemovePhone(command: RemovePhone, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const phone = normalisePhone(command.phone, command.defaultRegion);
  if (!customer.phones.includes(phone)) {
    throw new DomainError('contacts.phone-not-found', 'The customer has no such phone', 'not-found', {
      field: 'phone',
      customerId: command.customerId,
    });
  }
  keepsAnIdentity(customer, 'phone');
  return [{ type: 'contacts.phone-removed', data: { customerId: command.customerId, phone, removedAt: command.at, reason: 'requested' } }];
}

function keepsAnIdentity(customer: ActiveCustomer, removing: 'email' | 'phone'): void {
  const left = (customer.profile.name ? 1 : 0) + customer.emails.length + customer.phones.length - 1;
  if (left === 0) throw ContactsErrors.invalid('empty-profile', removing, 'a customer needs a name, an e-mail or a phone');
}
