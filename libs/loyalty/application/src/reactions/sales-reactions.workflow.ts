import type { DomainEvent, Workflow, WorkflowStep } from '@c360/kernel';
import {
  SALES_CONTRACT_RENEWED,
  SALES_PURCHASE_RECORDED,
  SALES_PURCHASE_REFUNDED,
  readContractRenewed,
  readPurchaseRecorded,
  readPurchaseRefunded,
} from './acl/sales-events.acl';
import { AwardEngagementBonus, EarnForPurchase, ObserveIdentity, QualifyReferral, TakeBackForRefund } from './reaction.commands';

/** Sales' published events as loyalty receives them: their data is read through the ACL, never trusted as typed. */
export type SalesInput =
  | DomainEvent<typeof SALES_PURCHASE_RECORDED, unknown>
  | DomainEvent<typeof SALES_PURCHASE_REFUNDED, unknown>
  | DomainEvent<typeof SALES_CONTRACT_RENEWED, unknown>;

export type SalesReactionCommand = EarnForPurchase | QualifyReferral | ObserveIdentity | TakeBackForRefund | AwardEngagementBonus;

/**
 * sales.purchase-recorded → earn (enrolling the customer if needed), qualify a pending referral,
 * remember the payment fingerprint / device id for the shared-identity check;
 * sales.purchase-refunded → take back the points earned on the refunded amount;
 * sales.contract-renewed → the renewal bonus.
 * A contract the event breaks stops the workflow on that event (the ACL throws), naming the fields.
 */
export const salesReactionsWorkflow: Workflow<SalesInput, SalesReactionCommand> = {
  // The processor's name before workflows: it derives the command ids, so it never changes.
  name: 'loyalty-sales-reactions',
  handles: [SALES_PURCHASE_RECORDED, SALES_PURCHASE_REFUNDED, SALES_CONTRACT_RENEWED],
  initialState: undefined,
  // One lane per customer: a purchase's points, refund and renewal bonus touch that customer's account
  // (and aggregates the command handler serialises), so customers run side by side in one group commit.
  laneOf: (event) => {
    const customerId = (event.data as { customerId?: unknown }).customerId;
    return typeof customerId === 'string' ? `customer:${customerId}` : 'in-event-order';
  },
  decide(event): WorkflowStep<SalesReactionCommand>[] {
    switch (event.type) {
      case SALES_PURCHASE_RECORDED: {
        const { customerId, purchase, paymentFingerprint, deviceId } = readPurchaseRecorded(event.data);
        const steps: WorkflowStep<SalesReactionCommand>[] = [
          { step: 'earn', command: new EarnForPurchase(customerId, purchase) },
          { step: 'qualify-referral', command: new QualifyReferral(customerId, purchase.purchaseId) },
        ];
        if (paymentFingerprint) {
          steps.push({
            step: 'identity/payment-fingerprint',
            command: new ObserveIdentity('payment-fingerprint', paymentFingerprint, customerId),
          });
        }
        if (deviceId) steps.push({ step: 'identity/device-id', command: new ObserveIdentity('device-id', deviceId, customerId) });
        return steps;
      }
      case SALES_PURCHASE_REFUNDED: {
        const { customerId, refund } = readPurchaseRefunded(event.data);
        return [{ step: 'take-back', command: new TakeBackForRefund(customerId, refund) }];
      }
      case SALES_CONTRACT_RENEWED: {
        const renewal = readContractRenewed(event.data);
        const reference = `${renewal.contractId}/${renewal.renewedAt.slice(0, 10)}`;
        return [{ step: 'renewal-bonus', command: new AwardEngagementBonus(renewal.customerId, 'contract-renewed', reference) }];
      }
    }
  },
};
