import { DuplicateQueries, MergeCustomersHandler, UndoMergeHandler } from '@c360/contacts-application';
import type { CommandContext } from '@c360/kernel';
import { RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { MergeDto, MergeParams } from '../dto/merge.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** Duplicate suggestions, merge into the customer of the path (the survivor), and undo. */
@Controller('customers/:id')
export class CustomerMergesController {
  constructor(
    private readonly duplicates: DuplicateQueries,
    private readonly merge: MergeCustomersHandler,
    private readonly undo: UndoMergeHandler,
  ) {}

  @Get('duplicates')
  suggest(@Param() { id }: CustomerIdParams) {
    return this.duplicates.suggest(id);
  }

  @Post('merges')
  mergeInto(@Param() { id }: CustomerIdParams, @Body() body: MergeDto, @RequestCommandContext() context: CommandContext) {
    return this.merge.execute(id, body.absorbedId, context);
  }

  @Post('merges/:mergeId/undo')
  @HttpCode(200)
  undoMerge(@Param() params: MergeParams, @RequestCommandContext() context: CommandContext) {
    return this.undo.execute(params.id, params.mergeId, context);
  }
}
