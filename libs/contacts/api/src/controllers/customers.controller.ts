import {
  EraseCustomer,
  ExportCustomer,
  GetCustomerProfile,
  RegisterCustomer,
  SearchCustomers,
  UpdateCustomerProfile,
} from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CustomerIdParams, ProfileQuery, SearchCustomersQuery } from '../dto/queries.dto';
import { RegisterCustomerDto } from '../dto/register-customer.dto';
import { UpdateProfileDto } from '../dto/update-profile.dto';

/** Customers: register, read, search, update, erase, export. Results are the response bodies. */
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  create(@Body() body: RegisterCustomerDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RegisterCustomer(body, context));
  }

  /** Search by name, e-mail or phone, or list without them; filtered and a page at a time. */
  @Get()
  search(@Query() { referredBy, ...query }: SearchCustomersQuery) {
    return this.queries.execute(new SearchCustomers({ ...query, referrerId: referredBy, limit: query.limit ?? 20 }));
  }

  @Get(':id')
  get(@Param() { id }: CustomerIdParams, @Query() query: ProfileQuery) {
    return this.queries.execute(new GetCustomerProfile(id, query.resolve ?? true));
  }

  @Patch(':id')
  patch(@Param() { id }: CustomerIdParams, @Body() body: UpdateProfileDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new UpdateCustomerProfile(id, body, context));
  }

  /** Right to be forgotten: deletes the customer's key (crypto-shredding) and records a tombstone. */
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@Param() { id }: CustomerIdParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new EraseCustomer(id, undefined, context));
  }

  /** Right of access: everything held about the customer, as JSON. */
  @Get(':id/export')
  export(@Param() { id }: CustomerIdParams) {
    return this.queries.execute(new ExportCustomer(id));
  }
}
