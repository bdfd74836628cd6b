import { DomainError } from '@c360/kernel';
import { ContactsErrors } from '../../contacts-errors';
import { referralCodeFor } from '../../referral/referral-code';
import { normaliseEmail } from '../../values/email';
import { normalisePhone } from '../../values/phone';
import { validName } from '../../values/person-name';
import {
  normaliseLanguage,
  validAddress,
  validAttributes,
  validBirthday,
  validCompany,
  validSlug,
  validTags,
} from '../../values/profile-values';
import type { RegisterCustomer } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { CustomerState } from '../customer.state';
import { MAX_EMAILS, MAX_PHONES } from './require-active';

/**
 * Registration: a new customer with at least a name, an e-mail or a phone. E-mails are lower-cased,
 * phones turned into E.164, duplicates within the request collapsed. The referral code is derived
 * from the customer id. Identities that belong to someone else arrive in `duplicates` (the
 * application found them taken) and become `duplicate-suspected` events instead of identities.
 */
export function decideRegistration(command: RegisterCustomer, state: CustomerState): CustomerEvent[] {
  if (state.status !== 'none') throw ContactsErrors.alreadyRegistered(command.customerId);
  const emails = unique((command.emails ?? []).map((email, index) => normaliseEmail(email, `emails.${index}`)));
  const phones = unique((command.phones ?? []).map((phone, index) => normalisePhone(phone, command.defaultRegion, `phones.${index}`)));
  if (emails.length > MAX_EMAILS) throw ContactsErrors.invalid('too-many-emails', 'emails', `at most ${MAX_EMAILS}`);
  if (phones.length > MAX_PHONES) throw ContactsErrors.invalid('too-many-phones', 'phones', `at most ${MAX_PHONES}`);
  const duplicates = command.duplicates ?? [];
  if (!command.name && emails.length === 0 && phones.length === 0 && duplicates.length === 0) {
    throw ContactsErrors.invalid('empty-profile', 'name', 'a customer needs a name, an e-mail or a phone');
  }
  if (command.referrerId === command.customerId)
    throw ContactsErrors.invalid('self-referral', 'referrerId', 'a customer cannot refer themselves');
  for (const duplicate of duplicates) {
    if (duplicate.otherCustomerId === command.customerId)
      throw ContactsErrors.invalid('invalid-duplicate', 'duplicates', 'a customer is no duplicate of itself');
    for (const identity of duplicate.identities) {
      if ((identity.kind === 'email' ? emails : phones).includes(identity.value)) {
        throw new DomainError('contacts.invalid-duplicate', 'An identity cannot be both claimed and contested', 'invalid', {
          field: `${identity.kind}s`,
        });
      }
    }
  }

  const events: CustomerEvent[] = [
    {
      type: 'contacts.customer-registered',
      data: {
        customerId: command.customerId,
        registeredAt: command.at,
        ...(command.acquisitionSource !== undefined
          ? { acquisitionSource: validSlug(command.acquisitionSource, 'acquisitionSource') }
          : {}),
        referralCode: referralCodeFor(command.customerId),
        ...(command.preferredLanguage !== undefined ? { preferredLanguage: normaliseLanguage(command.preferredLanguage) } : {}),
        tags: validTags(command.tags ?? []),
        ...(command.name !== undefined ? { name: validName(command.name) } : {}),
        emails,
        phones,
        ...(command.birthday !== undefined ? { birthday: validBirthday(command.birthday, command.at) } : {}),
        ...(command.address !== undefined ? { address: validAddress(command.address) } : {}),
        ...(command.company !== undefined ? { company: validCompany(command.company) } : {}),
        attributes: attributes(command.attributes ?? {}),
      },
    },
  ];
  if (command.referrerId !== undefined) {
    events.push({
      type: 'contacts.customer-referred',
      data: { customerId: command.customerId, referrerId: command.referrerId, referredAt: command.at },
    });
  }
  for (const duplicate of duplicates) {
    const kinds = unique(duplicate.identities.map((identity) => `same-${identity.kind}`));
    events.push({
      type: 'contacts.duplicate-suspected',
      data: {
        customerId: command.customerId,
        otherCustomerId: duplicate.otherCustomerId,
        reasons: kinds,
        suspectedAt: command.at,
        identities: duplicate.identities.map((identity) => ({ kind: identity.kind, value: identity.value })),
      },
    });
  }
  return events;
}

function attributes(values: Readonly<Record<string, string | number | boolean>>) {
  validAttributes(values);
  return { ...values };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
