import type { CommandContext } from '@c360/kernel';
import type { ActivityKind } from '@c360/sales-domain';
import { ContextCommand } from '@c360/runtime';
import type { DealChange, DealResult, DealStageCommand, OpenDealInput } from './deal.service';

export class OpenDeal extends ContextCommand<DealResult> {
  constructor(
    readonly input: OpenDealInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Move, win, lose or reopen: decided against the deal's pipeline as it is now. */
export class ChangeDealStage extends ContextCommand<DealResult> {
  constructor(
    readonly dealId: string,
    readonly change: DealStageCommand,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Amount, owner, probability or expected close date. */
export class ChangeDeal extends ContextCommand<DealResult> {
  constructor(
    readonly dealId: string,
    readonly change: DealChange,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export interface LogActivityInput {
  readonly activityId?: string;
  readonly kind: ActivityKind;
  readonly subject: string;
  readonly notes?: string;
  readonly activityAt?: string;
}

export class LogDealActivity extends ContextCommand<DealResult & { activityId: string }> {
  constructor(
    readonly dealId: string,
    readonly input: LogActivityInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}
