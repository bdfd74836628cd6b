import { ProcessManager } from '@c360/kernel';
import { Logger } from '@nestjs/common';

/** Loyalty's process managers: the kernel's policy, reporting refusals to the loyalty log. */
export abstract class LoyaltyReaction extends ProcessManager {
  private readonly logger = new Logger('LoyaltyReactions');

  protected override log(message: string): void {
    this.logger.log(message);
  }
}
