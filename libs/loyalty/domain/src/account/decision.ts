import { DomainError } from '@c360/kernel';
import type { AccountEvent } from './account.events';
import { evolveAccount } from './account.evolve';
import type { Account, AccountState } from './account.types';

/**
 * Collects the events of one decision and keeps the state folded as they are emitted, so that each
 * rule sees the effect of the rules before it (unlock → spend → settle debt → tier). Local to one
 * `decide` call; the states it folds are never shared.
 */
export class Decision {
  private readonly produced: AccountEvent[] = [];

  constructor(private current: AccountState) {}

  get state(): AccountState {
    return this.current;
  }

  get account(): Account {
    if (this.current.status === 'none') throw new Error('Decision on an account that does not exist');
    return this.current;
  }

  get events(): readonly AccountEvent[] {
    return this.produced;
  }

  emit(...events: AccountEvent[]): this {
    for (const event of events) {
      this.current = evolveAccount(this.current, event);
      this.produced.push(event);
    }
    return this;
  }
}

/** The account must exist and be usable: merged accounts point to their survivor, closed ones refuse. */
export function requireActive(state: AccountState): Account {
  if (state.status === 'none') throw new DomainError('loyalty.account-not-found', 'The customer is not enrolled in the club', 'not-found');
  if (state.status === 'merged') {
    throw new DomainError('loyalty.account-merged', `The account was merged into ${state.mergedInto}`, 'conflict', {
      survivorId: state.mergedInto,
    });
  }
  if (state.status === 'closed') throw new DomainError('loyalty.account-closed', 'The account is closed', 'conflict');
  return state;
}
