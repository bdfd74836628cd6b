import { streamName, type AggregateType } from '@c360/kernel';
import type { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import type { CustomerState } from './customer.state';

export const CUSTOMER_STREAM_PREFIX = 'contacts-customer-';

export function customerStream(customerId: string): string {
  return streamName('contacts', 'customer', customerId);
}

/** The customer id of a `contacts-customer-<id>` stream. */
export function customerIdOfStream(streamId: string): string {
  if (!streamId.startsWith(CUSTOMER_STREAM_PREFIX)) throw new TypeError(`"${streamId}" is not a customer stream`);
  return streamId.slice(CUSTOMER_STREAM_PREFIX.length);
}

export const customerAggregate: AggregateType<CustomerCommand, CustomerEvent, CustomerState> = {
  name: 'contacts-customer',
  decider: customerDecider,
  eventSchemas: {
    'contacts.customer-registered': 1,
    'contacts.profile-updated': 1,
    'contacts.email-added': 1,
    'contacts.email-removed': 1,
    'contacts.phone-added': 1,
    'contacts.phone-removed': 1,
    'contacts.consent-granted': 1,
    'contacts.consent-revoked': 1,
    'contacts.customer-referred': 1,
    'contacts.duplicate-suspected': 1,
    'contacts.customers-merged': 1,
    'contacts.customer-absorbed': 1,
    'contacts.merge-undone': 1,
    'contacts.customer-erased': 1,
  },
};
