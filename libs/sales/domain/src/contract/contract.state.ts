import type { ContractEvent } from './contract.events';

export interface ContractFacts {
  readonly contractId: string;
  readonly customerId: string;
  readonly title: string;
  readonly value: number;
  readonly currency: string;
  readonly startDate: string;
  readonly renewalDate: string;
  readonly termMonths: number;
  /** Day of month renewals fall on. */
  readonly renewalDay: number;
}

export type ContractState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & ContractFacts)
  | ({ readonly status: 'lapsed'; readonly lapsedAt: string } & ContractFacts);

export const initialContractState: ContractState = { status: 'none' };

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  switch (event.type) {
    case 'sales.contract-started': {
      const d = event.data;
      return {
        status: 'active',
        contractId: d.contractId,
        customerId: d.customerId,
        title: d.title,
        value: d.value,
        currency: d.currency,
        startDate: d.startDate,
        renewalDate: d.renewalDate,
        termMonths: d.termMonths,
        renewalDay: d.renewalDay,
      };
    }
    case 'sales.contract-renewed':
      return state.status === 'none' ? state : { ...state, renewalDate: event.data.renewalDate, value: event.data.value };
    case 'sales.contract-lapsed':
      return state.status === 'none' ? state : { ...state, status: 'lapsed', lapsedAt: event.data.lapsedAt };
  }
}
