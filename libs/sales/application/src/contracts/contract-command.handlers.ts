import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { LapseContract, RenewContract, StartContract } from './contract.commands';
import { ContractService, type ContractResult } from './contract.service';

@HandlesCommand(StartContract)
export class StartContractHandler implements ICommandHandler<StartContract, ContractResult> {
  constructor(private readonly contracts: ContractService) {}
  execute(command: StartContract) {
    return this.contracts.start(command.input, contextOf(command));
  }
}

@HandlesCommand(RenewContract)
export class RenewContractHandler implements ICommandHandler<RenewContract, ContractResult> {
  constructor(private readonly contracts: ContractService) {}
  execute(command: RenewContract) {
    return this.contracts.renew(command.contractId, command.input, contextOf(command));
  }
}

@HandlesCommand(LapseContract)
export class LapseContractHandler implements ICommandHandler<LapseContract, ContractResult> {
  constructor(private readonly contracts: ContractService) {}
  execute(command: LapseContract) {
    return this.contracts.lapse(command.contractId, command.reason, contextOf(command));
  }
}
