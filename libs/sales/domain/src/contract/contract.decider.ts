import { DomainError, type Decider } from '@c360/kernel';
import { addMonths, dateOf, requireAmount, requireCalendarDate, requireCurrency, requireText } from '../shared/sales-values';
import type { ContractCommand } from './contract.commands';
import type { ContractEvent } from './contract.events';
import { evolveContract, initialContractState, type ContractState } from './contract.state';

const MAX_TERM_MONTHS = 120;

function decide(command: ContractCommand, state: ContractState): ContractEvent[] {
  if (command.type === 'start-contract') {
    if (state.status !== 'none') throw new DomainError('sales.contract-exists', 'The contract already exists', 'conflict');
    const title = requireText(command.title, 'title', 200);
    requireAmount(command.value, 'value');
    requireCurrency(command.currency);
    requireCalendarDate(command.startDate, 'startDate');
    if (!Number.isInteger(command.termMonths) || command.termMonths < 1 || command.termMonths > MAX_TERM_MONTHS) {
      throw new DomainError('sales.invalid-term', `termMonths must be a whole number from 1 to ${MAX_TERM_MONTHS}`, 'invalid', {
        field: 'termMonths',
      });
    }
    const renewalDate = command.renewalDate ?? addMonths(command.startDate, command.termMonths);
    requireCalendarDate(renewalDate, 'renewalDate');
    if (renewalDate <= command.startDate) {
      throw new DomainError('sales.renewal-before-start', 'renewalDate must be after startDate', 'invalid', { field: 'renewalDate' });
    }
    return [
      {
        type: 'sales.contract-started',
        data: {
          contractId: command.contractId,
          customerId: command.customerId,
          title,
          value: command.value,
          currency: command.currency,
          startDate: command.startDate,
          renewalDate,
          termMonths: command.termMonths,
          renewalDay: Number((command.renewalDate ?? command.startDate).slice(8, 10)),
          ...(command.dealId === undefined ? {} : { dealId: command.dealId }),
          startedAt: command.now,
        },
      },
    ];
  }
  if (state.status === 'none') throw new DomainError('sales.contract-not-found', 'No such contract', 'not-found');
  if (state.status === 'lapsed') {
    // A lapsed customer who comes back signs a new contract: the lapse stays in the history.
    throw new DomainError('sales.contract-lapsed', `The contract lapsed at ${state.lapsedAt}`, 'conflict');
  }
  if (command.type === 'renew-contract') {
    const value = command.value ?? state.value;
    requireAmount(value, 'value');
    const renewalDate = command.renewalDate ?? addMonths(state.renewalDate, state.termMonths, state.renewalDay);
    requireCalendarDate(renewalDate, 'renewalDate');
    if (renewalDate <= state.renewalDate) {
      throw new DomainError('sales.renewal-date-not-later', `The next renewal date must be after ${state.renewalDate}`, 'invalid', {
        field: 'renewalDate',
      });
    }
    return [
      {
        type: 'sales.contract-renewed',
        data: {
          contractId: state.contractId,
          customerId: state.customerId,
          renewedAt: command.now,
          renewalDate,
          previousRenewalDate: state.renewalDate,
          value,
          currency: state.currency,
          termMonths: state.termMonths,
        },
      },
    ];
  }
  const reason = requireText(command.reason, 'reason', 500);
  if (dateOf(command.now) < state.renewalDate) {
    throw new DomainError('sales.contract-not-due', `The contract runs until ${state.renewalDate}; it can lapse from then on`, 'conflict', {
      renewalDate: state.renewalDate,
    });
  }
  return [
    {
      type: 'sales.contract-lapsed',
      data: { contractId: state.contractId, customerId: state.customerId, renewalDate: state.renewalDate, reason, lapsedAt: command.now },
    },
  ];
}

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  initialState: initialContractState,
  decide,
  evolve: evolveContract,
};
