import type { CustomerEvent, CustomerRegistered } from '../customer/customer.events';
import { referralCodeFor } from '../referral/referral-code';

/** Shared given-events for the customer decider specs (not exported from the lib). */
export const ANN = '0190a000-0000-7000-8000-000000000001';
export const BO = '0190a000-0000-7000-8000-000000000002';
export const CY = '0190a000-0000-7000-8000-000000000003';
export const T0 = '2026-03-01T10:00:00.000Z';
export const T1 = '2026-03-02T10:00:00.000Z';
export const T2 = '2026-03-03T10:00:00.000Z';
export const T3 = '2026-03-04T10:00:00.000Z';

export function registered(customerId: string, overrides: Partial<CustomerRegistered> = {}): CustomerEvent {
  return {
    type: 'contacts.customer-registered',
    data: {
      customerId,
      registeredAt: T0,
      referralCode: referralCodeFor(customerId),
      tags: [],
      name: { first: 'Ann', last: 'Lee' },
      emails: ['ann@example.com'],
      phones: [],
      attributes: {},
      ...overrides,
    },
  };
}

export function granted(customerId: string, channel: 'email' | 'sms' | 'phone' | 'push', at: string, source = 'web'): CustomerEvent {
  return { type: 'contacts.consent-granted', data: { customerId, channel, purpose: 'marketing', source, grantedAt: at } };
}

export function revoked(customerId: string, channel: 'email' | 'sms' | 'phone' | 'push', at: string, source = 'web'): CustomerEvent {
  return { type: 'contacts.consent-revoked', data: { customerId, channel, purpose: 'marketing', source, revokedAt: at } };
}
