import { streamName, type AggregateType } from '@c360/kernel';
import type { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractEvent } from './contract.events';
import type { ContractState } from './contract.state';

export function contractStream(contractId: string): string {
  return streamName('sales', 'contract', contractId);
}

export const contractAggregate: AggregateType<ContractCommand, ContractEvent, ContractState> = {
  name: 'sales-contract',
  decider: contractDecider,
  eventSchemas: { 'sales.contract-started': 1, 'sales.contract-renewed': 1, 'sales.contract-lapsed': 1 },
};
