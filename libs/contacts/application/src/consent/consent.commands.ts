import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { CustomerCommandResult } from '../customers/customer.results';
import type { ConsentInput } from './consent.service';

export class GrantCustomerConsent extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly input: ConsentInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RevokeCustomerConsent extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly input: ConsentInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}
