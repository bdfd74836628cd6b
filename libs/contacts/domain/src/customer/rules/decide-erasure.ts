import { ContactsErrors } from '../../contacts-errors';
import type { EraseCustomer } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { CustomerState } from '../customer.state';

/**
 * Right to be forgotten: the tombstone names the identity claims to release (by their keyed hashes,
 * which the application computes; the field is sealed with the customer's key, so once the key is
 * deleted not even the claim key links the tombstone to a claim); the application deletes the key. A customer merged into another is erased through its
 * survivor (the same person), never alone; erasing twice records nothing.
 */
export function decideErasure(command: EraseCustomer, state: CustomerState): CustomerEvent[] {
  switch (state.status) {
    case 'none':
      throw ContactsErrors.notFound(command.customerId);
    case 'erased':
      return [];
    case 'merged':
      if (command.viaSurvivorId !== state.survivorId) throw ContactsErrors.merged(command.customerId, state.survivorId);
      break;
    case 'active':
      break;
  }
  const releasedIdentities = [...(command.releasedIdentities ?? [])];
  return [
    {
      type: 'contacts.customer-erased',
      data: {
        customerId: command.customerId,
        erasedAt: command.at,
        releasedIdentities,
        ...(command.viaSurvivorId ? { viaSurvivorId: command.viaSurvivorId } : {}),
      },
    },
  ];
}
