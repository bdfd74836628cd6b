import { CUSTOMER_PAST_VIEWS, parseAsOfPoint, type CustomerPastViews } from '@c360/customer360-application';
import type { CommandContext } from '@c360/kernel';
import { RequestCommandContext, Roles } from '@c360/runtime';
import { Controller, Get, Inject, Logger, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AsOfQueryDto } from '../dto/as-of.dto';

/**
 * Auditors: a customer's 360 view as it was at a time or log position, rebuilt from the log (see
 * `@c360/replay`'s customerAsOf; `c360 audit as-of` is the same use case on the command line). Every
 * such read is recorded, with who asked, when for, and the correlation id.
 */
@Controller('customers/:customerId')
export class CustomerPastController {
  private readonly audit = new Logger('Audit');

  constructor(@Inject(CUSTOMER_PAST_VIEWS) private readonly pastViews: CustomerPastViews) {}

  @Roles('auditor')
  @ApiOperation({ summary: 'Customer360AsOf' })
  @Get('as-of')
  async asOf(@Param('customerId') customerId: string, @Query() query: AsOfQueryDto, @RequestCommandContext() context: CommandContext) {
    const at = parseAsOfPoint(query.at); // validated by the DTO with this same rule
    this.audit.log({
      msg: 'audit read',
      operation: 'customer360AsOf',
      actor: context.actor,
      customerId,
      at: query.at,
      withPopulation: query.withPopulation === true,
      correlationId: context.correlationId,
    });
    return this.pastViews.asOf(customerId, at, { population: query.withPopulation === true });
  }
}
