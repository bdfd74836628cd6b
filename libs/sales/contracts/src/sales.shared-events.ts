import type {
  ContractLapsed,
  ContractRenewed,
  ContractStarted,
  DealActivityLogged,
  DealAmountChanged,
  DealLost,
  DealOpened,
  DealReopened,
  DealStageChanged,
  DealWon,
  PurchaseLine,
  PurchaseRecorded,
  PurchaseRefunded,
  RefundLine,
} from '@c360/sales-domain';

/**
 * The part of sales' event log other contexts may react to: these event types and these fields,
 * nothing else (a reaction reads them through an anti-corruption reader typed against these shapes).
 * Sales may reshape anything else in its events; changing one of these is a contract change.
 * Free text (a refund's reason) is not part of it.
 */
export const SALES_PURCHASE_RECORDED = 'sales.purchase-recorded' satisfies PurchaseRecorded['type'];
export const SALES_PURCHASE_REFUNDED = 'sales.purchase-refunded' satisfies PurchaseRefunded['type'];
export const SALES_CONTRACT_RENEWED = 'sales.contract-renewed' satisfies ContractRenewed['type'];

export type SalesPurchaseLineContract = Pick<PurchaseLine, 'sku' | 'category' | 'quantity' | 'unitPrice'>;
export type SalesPurchaseRecordedContract = Pick<
  PurchaseRecorded['data'],
  'purchaseId' | 'orderId' | 'customerId' | 'channel' | 'total' | 'currency' | 'purchasedAt' | 'paymentFingerprint' | 'deviceId'
> & { readonly lines: readonly SalesPurchaseLineContract[] };

export type SalesRefundLineContract = Pick<RefundLine, 'sku' | 'quantity' | 'amount'>;
export type SalesPurchaseRefundedContract = Pick<
  PurchaseRefunded['data'],
  'refundId' | 'purchaseId' | 'customerId' | 'amount' | 'currency' | 'refundedAt' | 'fullyRefunded'
> & { readonly lines: readonly SalesRefundLineContract[] };

export type SalesContractRenewedContract = Pick<ContractRenewed['data'], 'contractId' | 'customerId' | 'renewedAt'>;

// Read by the customer 360 read side (timeline, open deals and pipeline value, lifetime value).
export const SALES_DEAL_OPENED = 'sales.deal-opened' satisfies DealOpened['type'];
export const SALES_DEAL_STAGE_CHANGED = 'sales.deal-stage-changed' satisfies DealStageChanged['type'];
export const SALES_DEAL_AMOUNT_CHANGED = 'sales.deal-amount-changed' satisfies DealAmountChanged['type'];
export const SALES_DEAL_WON = 'sales.deal-won' satisfies DealWon['type'];
export const SALES_DEAL_LOST = 'sales.deal-lost' satisfies DealLost['type'];
export const SALES_DEAL_REOPENED = 'sales.deal-reopened' satisfies DealReopened['type'];
export const SALES_DEAL_ACTIVITY_LOGGED = 'sales.deal-activity-logged' satisfies DealActivityLogged['type'];
export const SALES_CONTRACT_STARTED = 'sales.contract-started' satisfies ContractStarted['type'];
export const SALES_CONTRACT_LAPSED = 'sales.contract-lapsed' satisfies ContractLapsed['type'];

/**
 * `title` is free text: a reader keeps it exactly as the event holds it (sealed once sales seals it)
 * and opens it at query time — never copies plaintext into a read model that outlives an erasure.
 */
export type SalesDealOpenedContract = Pick<
  DealOpened['data'],
  'dealId' | 'customerId' | 'pipelineId' | 'stageId' | 'probability' | 'title' | 'amount' | 'currency' | 'ownerId' | 'openedAt'
>;
export type SalesDealStageChangedContract = Pick<
  DealStageChanged['data'],
  'dealId' | 'fromStageId' | 'toStageId' | 'probability' | 'amount' | 'currency' | 'changedAt'
>;
export type SalesDealAmountChangedContract = Pick<
  DealAmountChanged['data'],
  'dealId' | 'amount' | 'currency' | 'probability' | 'changedAt'
>;
export type SalesDealWonContract = Pick<DealWon['data'], 'dealId' | 'customerId' | 'amount' | 'currency' | 'ownerId' | 'stageId' | 'wonAt'>;
export type SalesDealLostContract = Pick<
  DealLost['data'],
  'dealId' | 'customerId' | 'amount' | 'currency' | 'ownerId' | 'stageId' | 'lostAt'
>;
export type SalesDealReopenedContract = Pick<
  DealReopened['data'],
  'dealId' | 'customerId' | 'stageId' | 'probability' | 'amount' | 'currency' | 'ownerId' | 'previousOutcome' | 'reopenedAt'
>;
/** The subject is personal and sealed: kept as the event holds it, opened at query time. */
export type SalesDealActivityLoggedContract = Pick<
  DealActivityLogged['data'],
  'dealId' | 'customerId' | 'activityId' | 'kind' | 'subject' | 'activityAt' | 'loggedBy'
>;
export type SalesContractStartedContract = Pick<
  ContractStarted['data'],
  'contractId' | 'customerId' | 'value' | 'currency' | 'termMonths' | 'startedAt' | 'dealId'
>;
export type SalesContractRenewedTimelineContract = Pick<
  ContractRenewed['data'],
  'contractId' | 'customerId' | 'renewedAt' | 'value' | 'currency'
>;
export type SalesContractLapsedContract = Pick<ContractLapsed['data'], 'contractId' | 'customerId' | 'renewalDate' | 'lapsedAt'>;

/** The shared part of sales' log as an event union, for projections and timelines typed against it. */
export type SalesSharedEvent =
  | {
      readonly type: typeof SALES_PURCHASE_RECORDED;
      readonly data: SalesPurchaseRecordedContract & Pick<PurchaseRecorded['data'], 'dealId'>;
    }
  | {
      readonly type: typeof SALES_PURCHASE_REFUNDED;
      readonly data: SalesPurchaseRefundedContract & Pick<PurchaseRefunded['data'], 'orderId' | 'kind'>;
    }
  | { readonly type: typeof SALES_DEAL_OPENED; readonly data: SalesDealOpenedContract }
  | { readonly type: typeof SALES_DEAL_STAGE_CHANGED; readonly data: SalesDealStageChangedContract }
  | { readonly type: typeof SALES_DEAL_AMOUNT_CHANGED; readonly data: SalesDealAmountChangedContract }
  | { readonly type: typeof SALES_DEAL_WON; readonly data: SalesDealWonContract }
  | { readonly type: typeof SALES_DEAL_LOST; readonly data: SalesDealLostContract }
  | { readonly type: typeof SALES_DEAL_REOPENED; readonly data: SalesDealReopenedContract }
  | { readonly type: typeof SALES_DEAL_ACTIVITY_LOGGED; readonly data: SalesDealActivityLoggedContract }
  | { readonly type: typeof SALES_CONTRACT_STARTED; readonly data: SalesContractStartedContract }
  | { readonly type: typeof SALES_CONTRACT_RENEWED; readonly data: SalesContractRenewedTimelineContract }
  | { readonly type: typeof SALES_CONTRACT_LAPSED; readonly data: SalesContractLapsedContract };
