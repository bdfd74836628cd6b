import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import type { CustomerCommandResult } from '../customers/customer.results';
import { GrantCustomerConsent, RevokeCustomerConsent } from './consent.commands';
import { ConsentService } from './consent.service';

@HandlesCommand(GrantCustomerConsent)
export class GrantCustomerConsentHandler implements ICommandHandler<GrantCustomerConsent, CustomerCommandResult> {
  constructor(private readonly consents: ConsentService) {}

  execute(command: GrantCustomerConsent): Promise<CustomerCommandResult> {
    return this.consents.execute(command.customerId, 'grant', command.input, contextOf(command));
  }
}

@HandlesCommand(RevokeCustomerConsent)
export class RevokeCustomerConsentHandler implements ICommandHandler<RevokeCustomerConsent, CustomerCommandResult> {
  constructor(private readonly consents: ConsentService) {}

  execute(command: RevokeCustomerConsent): Promise<CustomerCommandResult> {
    return this.consents.execute(command.customerId, 'revoke', command.input, contextOf(command));
  }
}

export const CONSENT_COMMAND_HANDLERS = [GrantCustomerConsentHandler, RevokeCustomerConsentHandler];
