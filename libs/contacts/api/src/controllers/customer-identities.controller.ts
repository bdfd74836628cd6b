import { AddCustomerIdentity, RemoveCustomerIdentity } from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Delete, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { EmailDto, EmailParams, PhoneDto, PhoneParams, PhoneRegionQuery } from '../dto/identities.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** E-mails and phones of a customer (each belongs to at most one active customer: 409 names the holder). */
@Controller('customers/:id')
export class CustomerIdentitiesController {
  constructor(private readonly commands: CommandBus) {}

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Add an email address to a customer' })
  @Post('emails')
  addEmail(@Param() { id }: CustomerIdParams, @Body() body: EmailDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new AddCustomerIdentity(id, 'email', body.email, undefined, context));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Remove an email address from a customer' })
  @Delete('emails/:email')
  removeEmail(@Param() { id, email }: EmailParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RemoveCustomerIdentity(id, 'email', email, undefined, context));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Add a phone number to a customer' })
  @Post('phones')
  addPhone(@Param() { id }: CustomerIdParams, @Body() body: PhoneDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new AddCustomerIdentity(id, 'phone', body.phone, body.defaultRegion, context));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Remove a phone number from a customer' })
  @Delete('phones/:phone')
  removePhone(@Param() { id, phone }: PhoneParams, @Query() query: PhoneRegionQuery, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RemoveCustomerIdentity(id, 'phone', phone, query.defaultRegion, context));
  }
}
