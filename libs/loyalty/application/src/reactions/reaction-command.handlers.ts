import type { Clock } from '@c360/kernel';
import { CLOCK, HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { Inject } from '@nestjs/common';
import { accountResult, type AccountResult } from '../accounts/account-results';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { LoyaltyIdentityService } from '../fraud/loyalty-identity.service';
import { LoyaltyReferralService } from '../referrals/loyalty-referral.service';
import { LoyaltyRewardRedemptions } from '../rewards/loyalty-reward-redemption.service';
import {
  AwardEngagementBonus,
  CloseForErasure,
  EarnForPurchase,
  MoveLotsOut,
  ObserveIdentity,
  QualifyReferral,
  RaiseFraudFlag,
  ReceiveMergedLots,
  ReceiveTransfer,
  RecordReferral,
  ReopenUnmergedAccount,
  RestoreMergedLots,
  ReturnMergedLots,
  ReturnUnreceivedTransfer,
  SettleRewardReservation,
  TakeBackForRefund,
} from './reaction.commands';

/** Thin handlers of the workflows' commands: each delegates to the service that owns the aggregate. */

@HandlesCommand(EarnForPurchase)
export class EarnForPurchaseHandler implements ICommandHandler<EarnForPurchase, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: EarnForPurchase): Promise<AccountResult> {
    const { purchase } = command;
    return accountResult(
      await this.accounts.execute(
        command.customerId,
        ({ now, program, customerId }) => ({ type: 'earn-for-purchase', customerId, purchase, now, program }),
        contextOf(command),
        // A purchase for an id contacts never registered is refused (reported), never enrolled.
        { followMerges: true, requireCustomer: true },
      ),
    );
  }
}

@HandlesCommand(QualifyReferral)
export class QualifyReferralHandler implements ICommandHandler<QualifyReferral, void> {
  constructor(
    private readonly referrals: LoyaltyReferralService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute(command: QualifyReferral): Promise<void> {
    await this.referrals.qualify(command.refereeId, command.purchaseId, this.clock.now().toISOString(), contextOf(command));
  }
}

@HandlesCommand(ObserveIdentity)
export class ObserveIdentityHandler implements ICommandHandler<ObserveIdentity, void> {
  constructor(
    private readonly identities: LoyaltyIdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute(command: ObserveIdentity): Promise<void> {
    await this.identities.observe(command.kind, command.value, command.customerId, this.clock.now().toISOString(), contextOf(command));
  }
}

@HandlesCommand(TakeBackForRefund)
export class TakeBackForRefundHandler implements ICommandHandler<TakeBackForRefund, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: TakeBackForRefund): Promise<AccountResult> {
    const { refund } = command;
    return accountResult(
      await this.accounts.execute(
        command.customerId,
        ({ now, program }) => ({ type: 'take-back-for-refund', refund, now, program }),
        contextOf(command),
        { followMerges: true },
      ),
    );
  }
}

@HandlesCommand(AwardEngagementBonus)
export class AwardEngagementBonusHandler implements ICommandHandler<AwardEngagementBonus, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: AwardEngagementBonus): Promise<AccountResult> {
    const { rule, reference } = command;
    const write = await this.accounts.execute(
      command.customerId,
      ({ now, program, customerId }) => ({ type: 'earn-for-engagement', customerId, rule, reference, autoEnrol: true, now, program }),
      contextOf(command),
      { followMerges: true, requireCustomer: true },
    );
    return accountResult(write);
  }
}

@HandlesCommand(RecordReferral)
export class RecordReferralHandler implements ICommandHandler<RecordReferral, void> {
  constructor(private readonly referrals: LoyaltyReferralService) {}
  async execute(command: RecordReferral): Promise<void> {
    await this.referrals.record(
      { refereeId: command.refereeId, referrerId: command.referrerId, referredAt: command.referredAt },
      contextOf(command),
    );
  }
}

@HandlesCommand(RaiseFraudFlag)
export class RaiseFraudFlagHandler implements ICommandHandler<RaiseFraudFlag, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: RaiseFraudFlag): Promise<AccountResult> {
    const { flagId, reason, details } = command;
    const write = await this.accounts.execute(
      command.customerId,
      ({ now }) => ({ type: 'raise-fraud-flag', flagId, reason, details, now }),
      contextOf(command),
      {
        followMerges: command.followMerges,
      },
    );
    return accountResult(write);
  }
}

@HandlesCommand(MoveLotsOut)
export class MoveLotsOutHandler implements ICommandHandler<MoveLotsOut, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: MoveLotsOut): Promise<AccountResult> {
    const { absorbedId, mergeId, survivorId } = command;
    return accountResult(
      await this.accounts.execute(
        absorbedId,
        ({ now }) => ({ type: 'move-lots-out', customerId: absorbedId, mergeId, toCustomerId: survivorId, now }),
        contextOf(command),
      ),
    );
  }
}

@HandlesCommand(ReturnMergedLots)
export class ReturnMergedLotsHandler implements ICommandHandler<ReturnMergedLots, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: ReturnMergedLots): Promise<AccountResult> {
    const { mergeId } = command;
    return accountResult(
      await this.accounts.execute(
        command.survivorId,
        ({ now, program }) => ({ type: 'return-merged-lots', mergeId, now, program }),
        contextOf(command),
      ),
    );
  }
}

@HandlesCommand(ReopenUnmergedAccount)
export class ReopenUnmergedAccountHandler implements ICommandHandler<ReopenUnmergedAccount, AccountResult | null> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: ReopenUnmergedAccount): Promise<AccountResult | null> {
    const { mergeId, survivorId } = command;
    // The survivor marks the merge undone exactly when it returned the lots (loyalty.merged-lots-returned):
    // then restoring them is the internal workflow's job.
    const { state: survivor } = await this.accounts.load(survivorId);
    const returned =
      survivor.status !== 'none' && survivor.merges.some((merge) => merge.mergeId === mergeId && merge.role === 'survivor' && merge.undone);
    if (returned) return null;
    const write = await this.accounts.execute(
      command.absorbedId,
      ({ now, program }) => ({
        type: 'restore-merged-lots',
        mergeId,
        fromCustomerId: survivorId,
        snapshot: { lots: [], purchases: [], tierEarnings: [], debt: 0 },
        now,
        program,
      }),
      contextOf(command),
    );
    return accountResult(write);
  }
}

@HandlesCommand(CloseForErasure)
export class CloseForErasureHandler implements ICommandHandler<CloseForErasure, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: CloseForErasure): Promise<AccountResult> {
    return accountResult(
      await this.accounts.execute(command.customerId, ({ now }) => ({ type: 'close-for-erasure', now }), contextOf(command)),
    );
  }
}

@HandlesCommand(ReceiveTransfer)
export class ReceiveTransferHandler implements ICommandHandler<ReceiveTransfer, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: ReceiveTransfer): Promise<AccountResult> {
    const { transferId, senderId, portions } = command;
    const write = await this.accounts.execute(
      command.recipientId,
      ({ now, program }) => ({ type: 'receive-transfer', transferId, fromCustomerId: senderId, portions, now, program }),
      contextOf(command),
      { followMerges: true },
    );
    return accountResult(write);
  }
}

@HandlesCommand(ReturnUnreceivedTransfer)
export class ReturnUnreceivedTransferHandler implements ICommandHandler<ReturnUnreceivedTransfer, AccountResult | null> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: ReturnUnreceivedTransfer): Promise<AccountResult | null> {
    const { transferId, recipientId, portions } = command;
    if (await this.accounts.receivedTransfer(recipientId, transferId)) return null;
    const write = await this.accounts.execute(
      command.senderId,
      ({ now, program }) => ({
        type: 'receive-transfer',
        transferId: `returned/${transferId}`,
        fromCustomerId: recipientId,
        portions,
        now,
        program,
      }),
      contextOf(command),
      { followMerges: true },
    );
    return accountResult(write);
  }
}

@HandlesCommand(ReceiveMergedLots)
export class ReceiveMergedLotsHandler implements ICommandHandler<ReceiveMergedLots, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: ReceiveMergedLots): Promise<AccountResult> {
    const { mergeId, absorbedId, snapshot } = command;
    const write = await this.accounts.execute(
      command.survivorId,
      ({ now, program, customerId }) => ({
        type: 'receive-merged-lots',
        customerId,
        mergeId,
        fromCustomerId: absorbedId,
        snapshot,
        now,
        program,
      }),
      contextOf(command),
      { followMerges: true },
    );
    return accountResult(write);
  }
}

@HandlesCommand(RestoreMergedLots)
export class RestoreMergedLotsHandler implements ICommandHandler<RestoreMergedLots, AccountResult> {
  constructor(private readonly accounts: LoyaltyAccountService) {}
  async execute(command: RestoreMergedLots): Promise<AccountResult> {
    const { mergeId, fromCustomerId, snapshot } = command;
    const write = await this.accounts.execute(
      command.absorbedId,
      ({ now, program }) => ({ type: 'restore-merged-lots', mergeId, fromCustomerId, snapshot, now, program }),
      contextOf(command),
    );
    return accountResult(write);
  }
}

@HandlesCommand(SettleRewardReservation)
export class SettleRewardReservationHandler implements ICommandHandler<SettleRewardReservation, void> {
  constructor(private readonly rewards: LoyaltyRewardRedemptions) {}
  async execute(command: SettleRewardReservation): Promise<void> {
    const { rewardId, redemptionId } = command;
    const context = contextOf(command);
    if (command.settlement === 'confirm') await this.rewards.confirm(rewardId, redemptionId, context);
    else if (command.settlement === 'release') await this.rewards.release(rewardId, redemptionId, 'redemption-rejected', context);
    else await this.rewards.cancel(rewardId, redemptionId, context);
  }
}

export const LOYALTY_REACTION_HANDLERS = [
  EarnForPurchaseHandler,
  QualifyReferralHandler,
  ObserveIdentityHandler,
  TakeBackForRefundHandler,
  AwardEngagementBonusHandler,
  RecordReferralHandler,
  RaiseFraudFlagHandler,
  MoveLotsOutHandler,
  ReturnMergedLotsHandler,
  ReopenUnmergedAccountHandler,
  CloseForErasureHandler,
  ReceiveTransferHandler,
  ReturnUnreceivedTransferHandler,
  ReceiveMergedLotsHandler,
  RestoreMergedLotsHandler,
  SettleRewardReservationHandler,
];
