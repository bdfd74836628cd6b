import type { AggregateType } from '../commands/aggregate-type';
import type { Decider } from '../decider/decider';
import { DomainError } from '../errors/domain-error';

/** A tiny account aggregate that kernel specs and benchmarks exercise the generic machinery with. */
export type ToyCommand =
  | { readonly type: 'open'; readonly owner: string }
  | { readonly type: 'deposit'; readonly amount: number }
  | { readonly type: 'withdraw'; readonly amount: number };

export type ToyEvent =
  | { readonly type: 'toy.opened'; readonly data: { readonly owner: string } }
  | { readonly type: 'toy.deposited'; readonly data: { readonly amount: number } }
  | { readonly type: 'toy.withdrawn'; readonly data: { readonly amount: number } };

export type ToyState = { readonly status: 'none' } | { readonly status: 'open'; readonly owner: string; readonly balance: number };

export const toyDecider: Decider<ToyCommand, ToyEvent, ToyState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'open') {
      if (state.status === 'open') return []; // opening twice changes nothing
      return [{ type: 'toy.opened', data: { owner: command.owner } }];
    }
    if (state.status !== 'open') throw new DomainError('toy.not-open', 'The account is not open', 'not-found');
    if (command.amount <= 0) throw new DomainError('toy.invalid-amount', 'Amount must be positive');
    if (command.type === 'deposit') return [{ type: 'toy.deposited', data: { amount: command.amount } }];
    if (command.amount > state.balance) {
      throw new DomainError('toy.insufficient-funds', `Balance ${state.balance} is less than ${command.amount}`, 'conflict');
    }
    return [{ type: 'toy.withdrawn', data: { amount: command.amount } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'toy.opened':
        return { status: 'open', owner: event.data.owner, balance: 0 };
      case 'toy.deposited':
        return state.status === 'open' ? { ...state, balance: state.balance + event.data.amount } : state;
      case 'toy.withdrawn':
        return state.status === 'open' ? { ...state, balance: state.balance - event.data.amount } : state;
    }
  },
};

export const toyAccount: AggregateType<ToyCommand, ToyEvent, ToyState> = {
  name: 'toy-account',
  decider: toyDecider,
  eventSchemas: { 'toy.opened': 1, 'toy.deposited': 1, 'toy.withdrawn': 1 },
};
