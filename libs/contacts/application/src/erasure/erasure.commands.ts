import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { ErasureResult } from './erasure.service';

/**
 * Right to be forgotten. `viaSurvivorId` is set when a customer merged into a survivor is erased
 * along with it (by the cascade, or by the erasure-completion workflow finishing one).
 */
export class EraseCustomer extends ContextCommand<ErasureResult> {
  constructor(
    readonly customerId: string,
    readonly viaSurvivorId?: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
