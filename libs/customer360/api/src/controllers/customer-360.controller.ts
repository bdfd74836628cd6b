import { GetCustomer360, GetCustomerTimeline, badRequest } from '@c360/customer360-application';
import { QueryBus, ACCESS, Roles } from '@c360/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { TimelineQueryDto } from '../dto/timeline.dto';

/**
 * The one picture of a customer: the unified timeline and the 360 document. Reads only (queries
 * through the QueryBus); a merged-away id answers with its survivor's picture.
 */
@Controller('customers/:customerId')
export class Customer360Controller {
  constructor(private readonly queries: QueryBus) {}

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Timeline' })
  @Get('timeline')
  timeline(@Param('customerId') customerId: string, @Query() query: TimelineQueryDto) {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw badRequest('from', 'must not be after to');
    return this.queries.execute(
      new GetCustomerTimeline(customerId, {
        kinds: query.kind,
        from: query.from === undefined ? undefined : new Date(query.from).toISOString(),
        to: query.to === undefined ? undefined : new Date(query.to).toISOString(),
        after: query.after,
        limit: query.limit,
      }),
    );
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Customer360' })
  @Get('360')
  customer360(@Param('customerId') customerId: string) {
    return this.queries.execute(new GetCustomer360(customerId));
  }
}
