import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { CustomerIdentitiesService } from './customer-identities.service';
import { CustomerRegistrationService, type RegisterCustomerResult } from './customer-registration.service';
import { AddCustomerIdentity, RegisterCustomer, RemoveCustomerIdentity, UpdateCustomerProfile } from './customer.commands';
import type { CustomerCommandResult } from './customer.results';
import { ProfileUpdateService } from './profile-update.service';

@HandlesCommand(RegisterCustomer)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomer, RegisterCustomerResult> {
  constructor(private readonly registration: CustomerRegistrationService) {}

  execute(command: RegisterCustomer): Promise<RegisterCustomerResult> {
    return this.registration.execute(command.input, contextOf(command));
  }
}

@HandlesCommand(UpdateCustomerProfile)
export class UpdateCustomerProfileHandler implements ICommandHandler<UpdateCustomerProfile, CustomerCommandResult> {
  constructor(private readonly profiles: ProfileUpdateService) {}

  execute(command: UpdateCustomerProfile): Promise<CustomerCommandResult> {
    return this.profiles.execute(command.customerId, command.changes, contextOf(command));
  }
}

@HandlesCommand(AddCustomerIdentity)
export class AddCustomerIdentityHandler implements ICommandHandler<AddCustomerIdentity, CustomerCommandResult> {
  constructor(private readonly identities: CustomerIdentitiesService) {}

  execute(command: AddCustomerIdentity): Promise<CustomerCommandResult> {
    return this.identities.add(command.customerId, command.kind, command.value, command.defaultRegion, contextOf(command));
  }
}

@HandlesCommand(RemoveCustomerIdentity)
export class RemoveCustomerIdentityHandler implements ICommandHandler<RemoveCustomerIdentity, CustomerCommandResult> {
  constructor(private readonly identities: CustomerIdentitiesService) {}

  execute(command: RemoveCustomerIdentity): Promise<CustomerCommandResult> {
    return this.identities.remove(command.customerId, command.kind, command.value, command.defaultRegion, contextOf(command));
  }
}

export const CUSTOMER_COMMAND_HANDLERS = [
  RegisterCustomerHandler,
  UpdateCustomerProfileHandler,
  AddCustomerIdentityHandler,
  RemoveCustomerIdentityHandler,
];
