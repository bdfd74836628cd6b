import { DomainError } from '@c360/kernel';

/**
 * Every broken rule of the contacts context, with its stable code. Messages never quote personal
 * data (they end up in logs); `details` name the field and the ids involved.
 */
export const ContactsErrors = {
  invalid: (code: string, field: string, problem: string) =>
    new DomainError(`contacts.${code}`, `${field}: ${problem}`, 'invalid', { field }),
  notFound: (customerId: string) =>
    new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId }),
  alreadyRegistered: (customerId: string) =>
    new DomainError('contacts.customer-exists', `Customer ${customerId} is already registered`, 'conflict', { customerId }),
  merged: (customerId: string, survivorId: string) =>
    new DomainError('contacts.customer-merged', `Customer ${customerId} was merged into ${survivorId}; act on the survivor`, 'conflict', {
      customerId,
      survivorId,
    }),
  erased: (customerId: string) =>
    new DomainError('contacts.customer-erased', `Customer ${customerId} was erased`, 'conflict', { customerId }),
  identityTaken: (kind: 'email' | 'phone', existingCustomerId: string, field?: string) =>
    new DomainError('contacts.identity-taken', `This ${kind} already belongs to customer ${existingCustomerId}`, 'conflict', {
      kind,
      existingCustomerId,
      ...(field ? { field } : {}),
    }),
};
