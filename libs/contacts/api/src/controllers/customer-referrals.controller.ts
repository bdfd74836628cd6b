import { GetReferralChain, ListReferees, SetCustomerReferrer } from '@c360/contacts-application';
import { DomainError, type CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CustomerIdParams, PageQuery } from '../dto/queries.dto';
import { SetReferrerDto } from '../dto/referrals.dto';

@Controller('customers/:id')
export class CustomerReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Record who referred a customer' })
  @Put('referrer')
  setReferrer(@Param() { id }: CustomerIdParams, @Body() body: SetReferrerDto, @RequestCommandContext() context: CommandContext) {
    if ((body.referrerId === undefined) === (body.referralCode === undefined)) {
      throw new DomainError('contacts.invalid-referrer', 'Give exactly one of referrerId or referralCode', 'invalid', {
        field: 'referrerId',
      });
    }
    return this.commands.execute(new SetCustomerReferrer(id, body, context));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's referral chain" })
  @Get('referral-chain')
  chain(@Param() { id }: CustomerIdParams) {
    return this.queries.execute(new GetReferralChain(id));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Customers this customer referred (paged)' })
  @Get('referees')
  referees(@Param() { id }: CustomerIdParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListReferees(id, query.limit ?? 20, query.cursor));
  }
}
