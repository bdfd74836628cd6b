import type { EventEnvelope } from '@c360/kernel';
import { Injectable } from '@nestjs/common';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { LoyaltyReferralService } from '../referrals/loyalty-referral.service';
import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REFERRED,
  CONTACTS_DUPLICATE_SUSPECTED,
  CONTACTS_MERGE_UNDONE,
  readCustomerErased,
  readCustomerReferred,
  readCustomersMerged,
  readDuplicateSuspected,
  readMergeUndone,
} from './acl/contacts-events.acl';
import { LoyaltyReaction } from './loyalty-reaction';

/**
 * contacts.customer-referred → record the referral (rings detected); contacts.duplicate-suspected →
 * fraud flags on both accounts; contacts.customers-merged → move the absorbed account's lots to the
 * survivor (and back on contacts.merge-undone); contacts.customer-erased → close the account (loyalty
 * holds no personal data to shred).
 */
@Injectable()
export class ContactsReactions extends LoyaltyReaction {
  readonly name = 'loyalty-contacts-reactions';
  readonly filter = {
    eventTypes: [
      CONTACTS_CUSTOMER_REFERRED,
      CONTACTS_DUPLICATE_SUSPECTED,
      CONTACTS_CUSTOMERS_MERGED,
      CONTACTS_MERGE_UNDONE,
      CONTACTS_CUSTOMER_ERASED,
    ],
  };

  constructor(
    private readonly accounts: LoyaltyAccountService,
    private readonly referrals: LoyaltyReferralService,
  ) {
    super();
  }

  protected async react(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case CONTACTS_CUSTOMER_REFERRED: {
        const referral = readCustomerReferred(event.data);
        await this.referrals.record(referral, this.context(event, 'record-referral'));
        return;
      }
      case CONTACTS_DUPLICATE_SUSPECTED: {
        const { customerId, otherCustomerId, reasons } = readDuplicateSuspected(event.data);
        for (const [self, other] of [
          [customerId, otherCustomerId],
          [otherCustomerId, customerId],
        ]) {
          await this.accounts.execute(
            self,
            ({ now }) => ({
              type: 'raise-fraud-flag',
              flagId: `duplicate-suspected/${other}`,
              reason: 'duplicate-suspected',
              details: { otherCustomerId: other, reasons: reasons.join(',') },
              now,
            }),
            this.context(event, `flag/${self}`),
          );
        }
        return;
      }
      case CONTACTS_CUSTOMERS_MERGED: {
        const merge = readCustomersMerged(event.data);
        await this.accounts.execute(
          merge.absorbedId,
          ({ now }) => ({
            type: 'move-lots-out',
            customerId: merge.absorbedId,
            mergeId: merge.mergeId,
            toCustomerId: merge.survivorId,
            now,
          }),
          this.context(event, 'move-lots-out'),
        );
        return;
      }
      case CONTACTS_MERGE_UNDONE: {
        const undo = readMergeUndone(event.data);
        let returned = false;
        await this.step(event, 'return-merged-lots', async () => {
          const result = await this.accounts.execute(
            undo.survivorId,
            ({ now, program }) => ({ type: 'return-merged-lots', mergeId: undo.mergeId, now, program }),
            this.context(event, 'return-merged-lots'),
          );
          returned = result.events.some((written) => written.type === 'loyalty.merged-lots-returned');
        });
        // Nothing had moved (the absorbed customer had no points): reopen the absorbed account directly;
        // otherwise the reaction to loyalty.merged-lots-returned gives it its lots back.
        if (!returned) {
          await this.accounts.execute(
            undo.absorbedId,
            ({ now, program }) => ({
              type: 'restore-merged-lots',
              mergeId: undo.mergeId,
              fromCustomerId: undo.survivorId,
              snapshot: { lots: [], purchases: [], tierEarnings: [], debt: 0 },
              now,
              program,
            }),
            this.context(event, 'restore-merged-lots'),
          );
        }
        return;
      }
      case CONTACTS_CUSTOMER_ERASED: {
        const { customerId } = readCustomerErased(event.data);
        await this.accounts.execute(customerId, ({ now }) => ({ type: 'close-for-erasure', now }), this.context(event, 'close'));
        return;
      }
    }
  }
}
