import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { CustomerMergeService, type MergeResult } from './customer-merge.service';
import { MergeCustomers, UndoCustomerMerge } from './merge.commands';
import { MergeUndoService } from './merge-undo.service';

@HandlesCommand(MergeCustomers)
export class MergeCustomersHandler implements ICommandHandler<MergeCustomers, MergeResult> {
  constructor(private readonly merges: CustomerMergeService) {}

  execute(command: MergeCustomers): Promise<MergeResult> {
    return this.merges.execute(command.survivorId, command.absorbedId, contextOf(command));
  }
}

@HandlesCommand(UndoCustomerMerge)
export class UndoCustomerMergeHandler implements ICommandHandler<UndoCustomerMerge, MergeResult> {
  constructor(private readonly undo: MergeUndoService) {}

  execute(command: UndoCustomerMerge): Promise<MergeResult> {
    return this.undo.execute(command.survivorId, command.mergeId, contextOf(command));
  }
}

export const MERGE_COMMAND_HANDLERS = [MergeCustomersHandler, UndoCustomerMergeHandler];
