import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { MergeResult } from './customer-merge.service';

/** Merges `absorbedId` into `survivorId` (If-Match applies to the survivor). */
export class MergeCustomers extends ContextCommand<MergeResult> {
  constructor(
    readonly survivorId: string,
    readonly absorbedId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class UndoCustomerMerge extends ContextCommand<MergeResult> {
  constructor(
    readonly survivorId: string,
    readonly mergeId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
