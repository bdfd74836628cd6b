import { ContactsErrors } from '../../contacts-errors';
import type { ActiveCustomer, CustomerState } from '../customer.state';

/** Most commands need a registered customer that is neither merged away nor erased. */
export function requireActive(state: CustomerState, customerId: string): ActiveCustomer {
  switch (state.status) {
    case 'none':
      throw ContactsErrors.notFound(customerId);
    case 'merged':
      throw ContactsErrors.merged(customerId, state.survivorId);
    case 'erased':
      throw ContactsErrors.erased(customerId);
    case 'active':
      return state;
  }
}

export const MAX_EMAILS = 10;
export const MAX_PHONES = 10;
