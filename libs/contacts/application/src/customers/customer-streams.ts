import { customerAggregate, customerStream, type CustomerCommand, type CustomerState } from '@c360/contacts-domain';
import { CommandHandler, type CommandContext, type CommandResult } from '@c360/kernel';
import { Injectable } from '@nestjs/common';

/** Commands and write-side state of customer streams, through the contacts (encrypting) CommandHandler. */
@Injectable()
export class CustomerStreams {
  constructor(private readonly commands: CommandHandler) {}

  handle(customerId: string, command: CustomerCommand, context: CommandContext): Promise<CommandResult<CustomerState>> {
    return this.commands.handle(customerAggregate, customerStream(customerId), command, context);
  }

  async load(customerId: string): Promise<{ state: CustomerState; revision: number }> {
    const { state, revision } = await this.commands.load(customerAggregate, customerStream(customerId));
    return { state, revision };
  }
}
