import {
  EraseCustomer,
  ExportCustomer,
  GetCustomerProfile,
  RegisterCustomer,
  type AccessExportStream,
  SearchCustomers,
  UpdateCustomerProfile,
} from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
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

  @Get()
  search(@Query() query: SearchCustomersQuery) {
    return this.queries.execute(new SearchCustomers({ ...query, limit: query.limit ?? 20 }));
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

  /**
   * Right of access: everything every context holds about the customer, as one JSON document streamed
   * to the reply while it is read (docs/contexts/access-export.md); each export is recorded.
   */
  @Get(':id/export')
  async export(@Param() { id }: CustomerIdParams, @RequestCommandContext() context: CommandContext): Promise<StreamableFile> {
    const exported: AccessExportStream = await this.commands.execute(new ExportCustomer(id, context));
    return new StreamableFile(Readable.from(exported.chunks), { type: 'application/json; charset=utf-8' });
  }
}
