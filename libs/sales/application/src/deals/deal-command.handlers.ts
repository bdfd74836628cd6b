import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { ChangeDeal, ChangeDealStage, LogDealActivity, OpenDeal } from './deal.commands';
import { DealService, type DealResult } from './deal.service';

@HandlesCommand(OpenDeal)
export class OpenDealHandler implements ICommandHandler<OpenDeal, DealResult> {
  constructor(private readonly deals: DealService) {}
  execute(command: OpenDeal) {
    return this.deals.open(command.input, contextOf(command));
  }
}

@HandlesCommand(ChangeDealStage)
export class ChangeDealStageHandler implements ICommandHandler<ChangeDealStage, DealResult> {
  constructor(private readonly deals: DealService) {}
  execute(command: ChangeDealStage) {
    return this.deals.stage(command.dealId, command.change, contextOf(command));
  }
}

@HandlesCommand(ChangeDeal)
export class ChangeDealHandler implements ICommandHandler<ChangeDeal, DealResult> {
  constructor(private readonly deals: DealService) {}
  execute(command: ChangeDeal) {
    return this.deals.change(command.dealId, command.change, contextOf(command));
  }
}

@HandlesCommand(LogDealActivity)
export class LogDealActivityHandler implements ICommandHandler<LogDealActivity, DealResult & { activityId: string }> {
  constructor(private readonly deals: DealService) {}
  execute(command: LogDealActivity) {
    return this.deals.logActivity(command.dealId, command.input, contextOf(command));
  }
}
