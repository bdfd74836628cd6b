import { GetLifetimeValue, GetOwnerPerformance, ListCustomerActivities, ListOwners, ListPurchaseHistory } from '@c360/sales-application';
import { ACCESS, QueryBus, Roles } from '@c360/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SalesPageQuery } from '../dto/common.dto';
import { SalesCustomerParams, OwnerParams } from '../dto/customer.dto';

/** Sales views of a customer, and of agents as deal owners. */
@Controller()
export class SalesReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's purchases (paged)" })
  @Get('customers/:customerId/purchases')
  purchases(@Param() params: SalesCustomerParams, @Query() query: SalesPageQuery) {
    return this.queries.execute(new ListPurchaseHistory(params.customerId, query));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's lifetime value" })
  @Get('customers/:customerId/lifetime-value')
  lifetimeValue(@Param() params: SalesCustomerParams) {
    return this.queries.execute(new GetLifetimeValue(params.customerId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's deal activities (paged)" })
  @Get('customers/:customerId/deal-activities')
  activities(@Param() params: SalesCustomerParams, @Query() query: SalesPageQuery) {
    return this.queries.execute(new ListCustomerActivities(params.customerId, query));
  }

  /** Owners with the most won deals first. */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Deal owners by won deals' })
  @Get('owner-performance')
  owners(@Query() query: SalesPageQuery) {
    return this.queries.execute(new ListOwners(query));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "One owner's performance" })
  @Get('owner-performance/:ownerId')
  owner(@Param() params: OwnerParams) {
    return this.queries.execute(new GetOwnerPerformance(params.ownerId));
  }
}
