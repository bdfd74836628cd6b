import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { CustomerCommandResult } from '../customers/customer.results';
import type { ReferrerInput } from './referrer.service';

/** "Referred by": the referrer by id or referral code; a referral that would close a cycle is refused. */
export class SetCustomerReferrer extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly referrer: ReferrerInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}
