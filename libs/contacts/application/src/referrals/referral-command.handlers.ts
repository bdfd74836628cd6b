import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import type { CustomerCommandResult } from '../customers/customer.results';
import { SetCustomerReferrer } from './referral.commands';
import { ReferrerService } from './referrer.service';

@HandlesCommand(SetCustomerReferrer)
export class SetCustomerReferrerHandler implements ICommandHandler<SetCustomerReferrer, CustomerCommandResult> {
  constructor(private readonly referrers: ReferrerService) {}

  execute(command: SetCustomerReferrer): Promise<CustomerCommandResult> {
    return this.referrers.execute(command.customerId, command.referrer, contextOf(command));
  }
}

export const REFERRAL_COMMAND_HANDLERS = [SetCustomerReferrerHandler];
