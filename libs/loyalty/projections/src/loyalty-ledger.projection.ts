import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import type { AccountEvent, AccountEventType, MergeSnapshot } from '@c360/loyalty-domain';
import { ACCOUNT_STREAM_PREFIX, idFromStream } from './stream-ids';

/**
 * The ledger history: one entry per account event that moves points or the tier, with its signed
 * effect on the balance (spendable + pending − debt). Entries never change once written.
 */
export interface LedgerEntryDocument {
  readonly customerId: string;
  readonly type: AccountEventType;
  /** Signed change of the balance. Unlocks and debt repayments move points without changing it. */
  readonly points: number;
  readonly at: string;
  /** Global position: sorts the history. */
  readonly seq: number;
  readonly revision: number;
  readonly reference: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

const remaining = (snapshot: MergeSnapshot) => snapshot.lots.reduce((sum, lot) => sum + lot.remaining, 0) - snapshot.debt;

/** The balance effect and a short, personal-data-free description of an event; null when it is not a ledger entry. */
export function ledgerEffect(event: AccountEvent): { points: number; reference: string | null; detail: Record<string, unknown> } | null {
  switch (event.type) {
    case 'loyalty.account-enrolled':
      return { points: 0, reference: null, detail: { source: event.data.source } };
    case 'loyalty.points-earned': {
      const { source } = event.data;
      const reference = source.kind === 'purchase' ? source.purchaseId : source.reference;
      return {
        points: event.data.points,
        reference,
        detail: {
          origin: source.kind,
          status: event.data.status,
          unlockAt: event.data.unlockAt,
          expiresAt: event.data.expiresAt,
          ...(source.kind === 'engagement' ? { rule: source.rule } : {}),
          ...(source.kind === 'partner' ? { partnerId: source.partnerId } : {}),
        },
      };
    }
    case 'loyalty.debt-repaid':
      return { points: 0, reference: event.data.lotId, detail: { repaid: event.data.points, remainingDebt: event.data.remainingDebt } };
    case 'loyalty.points-unlocked':
      return { points: 0, reference: event.data.lotId, detail: { unlocked: event.data.points, expiresAt: event.data.expiresAt } };
    case 'loyalty.points-expired':
      return { points: -event.data.points, reference: event.data.lotId, detail: {} };
    case 'loyalty.points-redeemed':
      return { points: -event.data.points, reference: event.data.redemptionId, detail: { purpose: event.data.purpose } };
    case 'loyalty.redemption-held':
      return { points: -event.data.points, reference: event.data.redemptionId, detail: { purpose: event.data.purpose, held: true } };
    case 'loyalty.held-redemption-released':
      return { points: 0, reference: event.data.redemptionId, detail: { released: event.data.points } };
    case 'loyalty.held-redemption-rejected':
      return { points: event.data.points, reference: event.data.redemptionId, detail: { rejected: true } };
    case 'loyalty.redemption-cancelled':
      return { points: event.data.points, reference: event.data.redemptionId, detail: { purpose: event.data.purpose } };
    case 'loyalty.points-clawed-back':
      return {
        points: -event.data.points,
        reference: event.data.refundId,
        detail: { purchaseId: event.data.purchaseId, debtIncurred: event.data.debtIncurred },
      };
    case 'loyalty.points-adjusted':
      return {
        points: event.data.points,
        reference: event.data.adjustmentId,
        detail: { reason: event.data.reason, ticket: event.data.reference, actorId: event.data.actorId },
      };
    case 'loyalty.points-transferred-out':
      return { points: -event.data.points, reference: event.data.transferId, detail: { toCustomerId: event.data.toCustomerId } };
    case 'loyalty.points-transferred-in':
      return { points: event.data.points, reference: event.data.transferId, detail: { fromCustomerId: event.data.fromCustomerId } };
    case 'loyalty.lots-moved-out':
      return { points: -remaining(event.data), reference: event.data.mergeId, detail: { toCustomerId: event.data.toCustomerId } };
    case 'loyalty.lots-moved-in':
      return { points: remaining(event.data), reference: event.data.mergeId, detail: { fromCustomerId: event.data.fromCustomerId } };
    case 'loyalty.merged-lots-returned':
      return {
        points: -remaining(event.data),
        reference: event.data.mergeId,
        detail: { toCustomerId: event.data.toCustomerId, undo: true },
      };
    case 'loyalty.merged-lots-restored':
      return {
        points: remaining(event.data),
        reference: event.data.mergeId,
        detail: { fromCustomerId: event.data.fromCustomerId, undo: true },
      };
    case 'loyalty.account-closed':
      return { points: -event.data.forfeitedPoints, reference: null, detail: { reason: event.data.reason } };
    case 'loyalty.expiry-warning-issued':
      return { points: 0, reference: null, detail: { expiring: event.data.points, expiresAt: event.data.expiresAt } };
    case 'loyalty.tier-changed':
      return { points: 0, reference: null, detail: { from: event.data.from, to: event.data.to, reason: event.data.reason } };
    case 'loyalty.tier-floor-set':
      return { points: 0, reference: null, detail: { tierFloor: event.data.tier, reason: event.data.reason } };
    default:
      return null;
  }
}

const LEDGER_TYPES: readonly AccountEventType[] = [
  'loyalty.account-enrolled',
  'loyalty.points-earned',
  'loyalty.debt-repaid',
  'loyalty.points-unlocked',
  'loyalty.points-expired',
  'loyalty.points-redeemed',
  'loyalty.redemption-held',
  'loyalty.held-redemption-released',
  'loyalty.held-redemption-rejected',
  'loyalty.redemption-cancelled',
  'loyalty.points-clawed-back',
  'loyalty.points-adjusted',
  'loyalty.points-transferred-out',
  'loyalty.points-transferred-in',
  'loyalty.lots-moved-out',
  'loyalty.lots-moved-in',
  'loyalty.merged-lots-returned',
  'loyalty.merged-lots-restored',
  'loyalty.account-closed',
  'loyalty.expiry-warning-issued',
  'loyalty.tier-changed',
  'loyalty.tier-floor-set',
];

export const loyaltyLedgerProjection: DocumentProjection<LedgerEntryDocument, AccountEvent> = {
  name: 'loyalty-ledger',
  version: 1,
  handles: LEDGER_TYPES,
  // A member's history, newest first.
  indexes: [{ fields: ['customerId', 'seq'] }],
  documentIds: (event) => [event.id],
  evolve(doc, event) {
    if (doc) return doc;
    const effect = ledgerEffect(event);
    if (!effect) return null;
    return {
      customerId: idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX),
      type: event.type,
      points: effect.points,
      at: event.occurredAt,
      seq: event.position,
      revision: event.revision,
      reference: effect.reference,
      detail: effect.detail,
    };
  },
};

export const LOYALTY_LEDGER_COLLECTION = projectionCollection(loyaltyLedgerProjection);
