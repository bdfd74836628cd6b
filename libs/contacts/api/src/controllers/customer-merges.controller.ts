import { MergeCustomers, SuggestDuplicates, UndoCustomerMerge } from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { MergeDto, MergeParams } from '../dto/merge.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** Duplicate suggestions, merge into the customer of the path (the survivor), and undo. */
@Controller('customers/:id')
export class CustomerMergesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Suspected duplicates of a customer' })
  @Get('duplicates')
  suggest(@Param() { id }: CustomerIdParams) {
    return this.queries.execute(new SuggestDuplicates(id));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Merge another customer into this one' })
  @Post('merges')
  mergeInto(@Param() { id }: CustomerIdParams, @Body() body: MergeDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new MergeCustomers(id, body.absorbedId, context));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Undo a merge' })
  @Post('merges/:mergeId/undo')
  @HttpCode(200)
  undoMerge(@Param() params: MergeParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new UndoCustomerMerge(params.id, params.mergeId, context));
  }
}
