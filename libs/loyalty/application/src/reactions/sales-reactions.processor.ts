import type { Clock, EventEnvelope } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { LoyaltyIdentityService } from '../fraud/loyalty-identity.service';
import { LoyaltyReferralService } from '../referrals/loyalty-referral.service';
import {
  SALES_CONTRACT_RENEWED,
  SALES_PURCHASE_RECORDED,
  SALES_PURCHASE_REFUNDED,
  readContractRenewed,
  readPurchaseRecorded,
  readPurchaseRefunded,
} from './acl/sales-events.acl';
import { LoyaltyReaction } from './loyalty-reaction';

/**
 * sales.purchase-recorded → earn (enrolling the customer if needed), qualify a pending referral,
 * remember the payment fingerprint / device id for the shared-identity check;
 * sales.purchase-refunded → take back the points earned on the refunded amount;
 * sales.contract-renewed → the renewal bonus.
 */
@Injectable()
export class SalesReactions extends LoyaltyReaction {
  readonly name = 'loyalty-sales-reactions';
  readonly filter = { eventTypes: [SALES_PURCHASE_RECORDED, SALES_PURCHASE_REFUNDED, SALES_CONTRACT_RENEWED] };

  constructor(
    private readonly accounts: LoyaltyAccountService,
    private readonly referrals: LoyaltyReferralService,
    private readonly identities: LoyaltyIdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  protected async react(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case SALES_PURCHASE_RECORDED:
        return this.purchaseRecorded(event);
      case SALES_PURCHASE_REFUNDED: {
        const { customerId, refund } = readPurchaseRefunded(event.data);
        await this.accounts.execute(
          customerId,
          ({ now, program }) => ({ type: 'take-back-for-refund', refund, now, program }),
          this.context(event, 'take-back'),
          { followMerges: true },
        );
        return;
      }
      case SALES_CONTRACT_RENEWED: {
        const renewal = readContractRenewed(event.data);
        await this.accounts.execute(
          renewal.customerId,
          ({ now, program, customerId }) => ({
            type: 'earn-for-engagement',
            customerId,
            rule: 'contract-renewed',
            reference: `${renewal.contractId}/${renewal.renewedAt.slice(0, 10)}`,
            autoEnrol: true,
            now,
            program,
          }),
          this.context(event, 'renewal-bonus'),
          { followMerges: true },
        );
        return;
      }
    }
  }

  private async purchaseRecorded(event: EventEnvelope): Promise<void> {
    const { customerId, purchase, paymentFingerprint, deviceId } = readPurchaseRecorded(event.data);
    await this.step(event, 'earn', () =>
      this.accounts.execute(
        customerId,
        ({ now, program, customerId: target }) => ({ type: 'earn-for-purchase', customerId: target, purchase, now, program }),
        this.context(event, 'earn'),
        { followMerges: true },
      ),
    );
    const now = this.clock.now().toISOString();
    await this.step(event, 'referral', () =>
      this.referrals.qualify(customerId, purchase.purchaseId, now, this.context(event, 'qualify-referral')),
    );
    if (paymentFingerprint) {
      await this.identities.observe(
        'payment-fingerprint',
        paymentFingerprint,
        customerId,
        now,
        this.context(event, 'identity/payment-fingerprint'),
      );
    }
    if (deviceId) await this.identities.observe('device-id', deviceId, customerId, now, this.context(event, 'identity/device-id'));
  }
}
