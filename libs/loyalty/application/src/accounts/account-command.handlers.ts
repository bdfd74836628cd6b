import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import {
  AdjustPoints,
  CancelRedemption,
  EnrolMember,
  RecordEngagement,
  RedeemPoints,
  ReviewFraudFlag,
  SetTierFloor,
  TransferPoints,
} from './account.commands';
import type { AccountResult, FlagReviewResult, RedemptionResult, TransferResult } from './account-results';
import { LoyaltyMemberCommands } from './loyalty-member-commands';

@HandlesCommand(EnrolMember)
export class EnrolMemberHandler implements ICommandHandler<EnrolMember, AccountResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: EnrolMember): Promise<AccountResult> {
    return this.members.enrol(command.customerId, contextOf(command));
  }
}

@HandlesCommand(RedeemPoints)
export class RedeemPointsHandler implements ICommandHandler<RedeemPoints, RedemptionResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: RedeemPoints): Promise<RedemptionResult> {
    return this.members.redeem(command.customerId, { points: command.points, reference: command.reference }, contextOf(command));
  }
}

@HandlesCommand(CancelRedemption)
export class CancelRedemptionHandler implements ICommandHandler<CancelRedemption, AccountResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: CancelRedemption): Promise<AccountResult> {
    return this.members.cancelRedemption(command.customerId, command.redemptionId, contextOf(command));
  }
}

@HandlesCommand(AdjustPoints)
export class AdjustPointsHandler implements ICommandHandler<AdjustPoints, AccountResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: AdjustPoints): Promise<AccountResult> {
    return this.members.adjust(command.customerId, command.input, contextOf(command));
  }
}

@HandlesCommand(TransferPoints)
export class TransferPointsHandler implements ICommandHandler<TransferPoints, TransferResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: TransferPoints): Promise<TransferResult> {
    return this.members.transfer(command.customerId, command.input, contextOf(command));
  }
}

@HandlesCommand(RecordEngagement)
export class RecordEngagementHandler implements ICommandHandler<RecordEngagement, AccountResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: RecordEngagement): Promise<AccountResult> {
    return this.members.engagement(command.customerId, command.input, contextOf(command));
  }
}

@HandlesCommand(SetTierFloor)
export class SetTierFloorHandler implements ICommandHandler<SetTierFloor, AccountResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: SetTierFloor): Promise<AccountResult> {
    return this.members.setTierFloor(command.customerId, command.input, contextOf(command));
  }
}

@HandlesCommand(ReviewFraudFlag)
export class ReviewFraudFlagHandler implements ICommandHandler<ReviewFraudFlag, FlagReviewResult> {
  constructor(private readonly members: LoyaltyMemberCommands) {}
  execute(command: ReviewFraudFlag): Promise<FlagReviewResult> {
    return this.members.reviewFlag(command.customerId, command.flagId, command.decision, contextOf(command));
  }
}

export const ACCOUNT_COMMAND_HANDLERS = [
  EnrolMemberHandler,
  RedeemPointsHandler,
  CancelRedemptionHandler,
  AdjustPointsHandler,
  TransferPointsHandler,
  RecordEngagementHandler,
  SetTierFloorHandler,
  ReviewFraudFlagHandler,
];
