import { GetLifetimeValue, GetOwnerPerformance, ListCustomerActivities, ListOwners, ListPurchaseHistory } from '@c360/sales-application';
import { QueryBus } from '@c360/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { PageQuery } from '../dto/common.dto';
import { CustomerParams, OwnerParams } from '../dto/customer.dto';

/** Sales views of a customer, and of agents as deal owners. */
@Controller()
export class SalesReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('customers/:customerId/purchases')
  purchases(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListPurchaseHistory(params.customerId, query));
  }

  @Get('customers/:customerId/lifetime-value')
  lifetimeValue(@Param() params: CustomerParams) {
    return this.queries.execute(new GetLifetimeValue(params.customerId));
  }

  @Get('customers/:customerId/deal-activities')
  activities(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListCustomerActivities(params.customerId, query));
  }

  /** Owners with the most won deals first. */
  @Get('owner-performance')
  owners(@Query() query: PageQuery) {
    return this.queries.execute(new ListOwners(query));
  }

  @Get('owner-performance/:ownerId')
  owner(@Param() params: OwnerParams) {
    return this.queries.execute(new GetOwnerPerformance(params.ownerId));
  }
}
