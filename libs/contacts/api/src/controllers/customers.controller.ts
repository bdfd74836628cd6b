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
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
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

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Register a customer' })
  @Post()
  create(@Body() body: RegisterCustomerDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RegisterCustomer(body, context));
  }

  /** Search by name, e-mail or phone, or list without them; filtered and a page at a time. */
  @Roles(...ACCESS.read)
  @ApiOperation({
    summary: 'Search customers by name, e-mail or phone, or list them, filtered by status, tag, created range and referrer (paged)',
  })
  @Get()
  search(@Query() { referredBy, ...query }: SearchCustomersQuery) {
    return this.queries.execute(new SearchCustomers({ ...query, referrerId: referredBy, limit: query.limit ?? 20 }));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's profile (a merged customer resolves to its survivor unless resolve=false)" })
  @Get(':id')
  get(@Param() { id }: CustomerIdParams, @Query() query: ProfileQuery) {
    return this.queries.execute(new GetCustomerProfile(id, query.resolve ?? true));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Update a customer's profile" })
  @Patch(':id')
  patch(@Param() { id }: CustomerIdParams, @Body() body: UpdateProfileDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new UpdateCustomerProfile(id, body, context));
  }

  /** Right to be forgotten: deletes the customer's key (crypto-shredding) and records a tombstone. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Erase a customer (right to be forgotten): deletes their key and records a tombstone' })
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@Param() { id }: CustomerIdParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new EraseCustomer(id, undefined, context));
  }

  /**
   * Right of access: everything every context holds about the customer, as one JSON document streamed
   * to the reply while it is read (docs/contexts/access-export.md); each export is recorded.
   */
  // Privacy officers (auditors) answer access requests, as agents and supervisors may.
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Export everything every context holds about a customer (right of access), streamed' })
  @Get(':id/export')
  async export(@Param() { id }: CustomerIdParams, @RequestCommandContext() context: CommandContext): Promise<StreamableFile> {
    const exported: AccessExportStream = await this.commands.execute(new ExportCustomer(id, context));
    return new StreamableFile(Readable.from(exported.chunks), { type: 'application/json; charset=utf-8' });
  }
}
