import type { Decider } from '@c360/kernel';
import type { CustomerCommand } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { initialCustomerState, type CustomerState } from './customer.state';
import { decideConsent } from './rules/decide-consent';
import { decideErasure } from './rules/decide-erasure';
import { decideAddEmail, decideAddPhone, decideRemoveEmail, decideRemovePhone } from './rules/decide-identities';
import { decideAbsorb, decideMergeInto, decideReleaseFromMerge, decideUndoMerge } from './rules/decide-merge';
import { decideProfileUpdate } from './rules/decide-profile';
import { decideReferrer } from './rules/decide-referral';
import { decideRegistration } from './rules/decide-registration';

/** The customer aggregate: who the customer is, how to reach them, what they agreed to. */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState: initialCustomerState,
  decide(command, state) {
    switch (command.type) {
      case 'register':
        return decideRegistration(command, state);
      case 'update-profile':
        return decideProfileUpdate(command, state);
      case 'add-email':
        return decideAddEmail(command, state);
      case 'remove-email':
        return decideRemoveEmail(command, state);
      case 'add-phone':
        return decideAddPhone(command, state);
      case 'remove-phone':
        return decideRemovePhone(command, state);
      case 'grant-consent':
      case 'revoke-consent':
        return decideConsent(command, state);
      case 'set-referrer':
        return decideReferrer(command, state);
      case 'merge-into':
        return decideMergeInto(command, state);
      case 'absorb':
        return decideAbsorb(command, state);
      case 'undo-merge':
        return decideUndoMerge(command, state);
      case 'release-from-merge':
        return decideReleaseFromMerge(command, state);
      case 'erase':
        return decideErasure(command, state);
    }
  },
  evolve: evolveCustomer,
};
