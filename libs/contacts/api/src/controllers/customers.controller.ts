import {
  CustomerQueries,
  ErasureService,
  ExportCustomerHandler,
  RegisterCustomerHandler,
  UpdateProfileHandler,
} from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CustomerIdParams, ProfileQuery, SearchCustomersQuery } from '../dto/queries.dto';
import { RegisterCustomerDto } from '../dto/register-customer.dto';
import { UpdateProfileDto } from '../dto/update-profile.dto';

/** Customers: register, read, search, update, erase, export. */
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly register: RegisterCustomerHandler,
    private readonly update: UpdateProfileHandler,
    private readonly queries: CustomerQueries,
    private readonly erasure: ErasureService,
    private readonly exporter: ExportCustomerHandler,
  ) {}

  @Post()
  create(@Body() body: RegisterCustomerDto, @RequestCommandContext() context: CommandContext) {
    return this.register.execute(body, context);
  }

  @Get()
  search(@Query() query: SearchCustomersQuery) {
    return this.queries.search({ ...query, limit: query.limit ?? 20 });
  }

  @Get(':id')
  get(@Param() { id }: CustomerIdParams, @Query() query: ProfileQuery) {
    return this.queries.profile(id, query.resolve ?? true);
  }

  @Patch(':id')
  patch(@Param() { id }: CustomerIdParams, @Body() body: UpdateProfileDto, @RequestCommandContext() context: CommandContext) {
    return this.update.execute(id, body, context);
  }

  /** Right to be forgotten: deletes the customer's key (crypto-shredding) and records a tombstone. */
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@Param() { id }: CustomerIdParams, @RequestCommandContext() context: CommandContext) {
    return this.erasure.erase(id, context);
  }

  /** Right of access: everything held about the customer, as JSON. */
  @Get(':id/export')
  export(@Param() { id }: CustomerIdParams) {
    return this.exporter.execute(id);
  }
}
