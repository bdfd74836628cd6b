import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { EraseCustomer } from './erasure.commands';
import { ErasureService, type ErasureResult } from './erasure.service';

@HandlesCommand(EraseCustomer)
export class EraseCustomerHandler implements ICommandHandler<EraseCustomer, ErasureResult> {
  constructor(private readonly erasure: ErasureService) {}

  execute(command: EraseCustomer): Promise<ErasureResult> {
    return this.erasure.erase(command.customerId, contextOf(command), command.viaSurvivorId);
  }
}

export const ERASURE_COMMAND_HANDLERS = [EraseCustomerHandler];
