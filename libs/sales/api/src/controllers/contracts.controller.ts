import type { CommandContext } from '@c360/kernel';
import { GetContract, LapseContract, ListRenewalsDue, RenewContract, StartContract } from '@c360/sales-application';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ContractParams, LapseContractDto, RenewalsQuery, RenewContractDto, StartContractDto } from '../dto/contract.dto';
import { writtenContract } from './sales-responses';

@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Start a contract' })
  @Post()
  async start(@Body() body: StartContractDto, @RequestCommandContext() context: CommandContext) {
    return writtenContract(await this.commands.execute(new StartContract(body, context)));
  }

  /** Active contracts by renewal date within a window (read model), earliest first. */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Active contracts due for renewal within a window' })
  @Get('renewals-due')
  renewalsDue(@Query() query: RenewalsQuery) {
    const { from, to, limit, after } = query;
    return this.queries.execute(new ListRenewalsDue({ from, to }, { limit, after }));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'One contract' })
  @Get(':contractId')
  get(@Param() params: ContractParams) {
    return this.queries.execute(new GetContract(params.contractId));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Renew a contract' })
  @Post(':contractId/renewal')
  @HttpCode(200)
  async renew(@Param() params: ContractParams, @Body() body: RenewContractDto, @RequestCommandContext() context: CommandContext) {
    return writtenContract(await this.commands.execute(new RenewContract(params.contractId, body, context)));
  }

  /** Lapse a contract whose renewal date has passed (a later scheduler issues the same command). */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Lapse a contract whose renewal date has passed' })
  @Post(':contractId/lapse')
  @HttpCode(200)
  async lapse(@Param() params: ContractParams, @Body() body: LapseContractDto, @RequestCommandContext() context: CommandContext) {
    return writtenContract(await this.commands.execute(new LapseContract(params.contractId, body.reason, context)));
  }
}
