import { AddCustomerIdentity, RemoveCustomerIdentity } from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { CommandBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Delete, Param, Post, Query } from '@nestjs/common';
import { EmailDto, EmailParams, PhoneDto, PhoneParams, PhoneRegionQuery } from '../dto/identities.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** E-mails and phones of a customer (each belongs to at most one active customer: 409 names the holder). */
@Controller('customers/:id')
export class CustomerIdentitiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('emails')
  addEmail(@Param() { id }: CustomerIdParams, @Body() body: EmailDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new AddCustomerIdentity(id, 'email', body.email, undefined, context));
  }

  @Delete('emails/:email')
  removeEmail(@Param() { id, email }: EmailParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RemoveCustomerIdentity(id, 'email', email, undefined, context));
  }

  @Post('phones')
  addPhone(@Param() { id }: CustomerIdParams, @Body() body: PhoneDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new AddCustomerIdentity(id, 'phone', body.phone, body.defaultRegion, context));
  }

  @Delete('phones/:phone')
  removePhone(@Param() { id, phone }: PhoneParams, @Query() query: PhoneRegionQuery, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RemoveCustomerIdentity(id, 'phone', phone, query.defaultRegion, context));
  }
}
