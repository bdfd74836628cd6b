import { customerAggregate, customerStream, type CustomerCommand, type CustomerState } from '@c360/contacts-domain';
import type { CommandContext, CommandHandler, CommandResult } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_COMMANDS } from '../contacts.tokens';

/** Commands and write-side state of customer streams, through the contacts (encrypting) CommandHandler. */
@Injectable()
export class CustomerStreams {
  constructor(@Inject(CONTACTS_COMMANDS) private readonly commands: CommandHandler) {}

  handle(customerId: string, command: CustomerCommand, context: CommandContext): Promise<CommandResult<CustomerState>> {
    return this.commands.handle(customerAggregate, customerStream(customerId), command, context);
  }

  async load(customerId: string): Promise<{ state: CustomerState; revision: number }> {
    const { state, revision } = await this.commands.load(customerAggregate, customerStream(customerId));
    return { state, revision };
  }
}
