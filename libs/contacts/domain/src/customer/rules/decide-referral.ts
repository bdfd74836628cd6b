import { DomainError } from '@c360/kernel';
import { ContactsErrors } from '../../contacts-errors';
import type { SetReferrer } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { CustomerState } from '../customer.state';
import { requireActive } from './require-active';

/**
 * "Referred by": set once (it is a fact of acquisition), never oneself, and never so that the
 * customer would end up referring itself through the chain (A → B → A).
 */
export function decideReferrer(command: SetReferrer, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  if (command.referrerId === command.customerId)
    throw ContactsErrors.invalid('self-referral', 'referrerId', 'a customer cannot refer themselves');
  if (customer.referrerId === command.referrerId) return [];
  if (customer.referrerId !== undefined) {
    throw new DomainError(
      'contacts.referrer-already-set',
      `Customer ${command.customerId} was already referred by ${customer.referrerId}`,
      'conflict',
      {
        field: 'referrerId',
        referrerId: customer.referrerId,
      },
    );
  }
  if (command.referrerChain.includes(command.customerId)) {
    throw new DomainError(
      'contacts.referral-cycle',
      `Customer ${command.referrerId} was (indirectly) referred by ${command.customerId}`,
      'conflict',
      {
        field: 'referrerId',
        chain: [command.referrerId, ...command.referrerChain],
      },
    );
  }
  return [
    {
      type: 'contacts.customer-referred',
      data: { customerId: command.customerId, referrerId: command.referrerId, referredAt: command.at },
    },
  ];
}
