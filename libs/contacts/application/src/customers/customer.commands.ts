import type { IdentityKind, ProfileChanges } from '@c360/contacts-domain';
import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { RegisterCustomerInput, RegisterCustomerResult } from './customer-registration.service';
import type { CustomerCommandResult } from './customer.results';

/** Registers a customer, claiming its e-mails and phones first. */
export class RegisterCustomer extends ContextCommand<RegisterCustomerResult> {
  constructor(
    readonly input: RegisterCustomerInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class UpdateCustomerProfile extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly changes: ProfileChanges,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Adds an e-mail or phone (as typed: normalised by the use case; `defaultRegion` for phones). */
export class AddCustomerIdentity extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly kind: IdentityKind,
    readonly value: string,
    readonly defaultRegion?: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RemoveCustomerIdentity extends ContextCommand<CustomerCommandResult> {
  constructor(
    readonly customerId: string,
    readonly kind: IdentityKind,
    readonly value: string,
    readonly defaultRegion?: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
