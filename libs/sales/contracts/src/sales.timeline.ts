import { defineTimeline, formatMoney } from '@c360/kernel';
import type { SalesSharedEvent } from './sales.shared-events';

const lines = (count: number) => `${count} line${count === 1 ? '' : 's'}`;

/**
 * How sales' events read on the customer timeline: amounts, stages, order numbers and ids. A deal's
 * title and an activity's subject are free text: they ride along as `detail`, exactly as the event
 * holds them, and the timeline opens them at query time. Stage and amount changes do not name the
 * customer (the deal does): the deal entry links to the deal, whose board shows them.
 */
export const SALES_TIMELINE = defineTimeline<SalesSharedEvent>()({
  'sales.purchase-recorded': ({ data }) => ({
    customerId: data.customerId,
    kind: 'purchase',
    summary: `Purchase ${data.orderId} (${data.channel}): ${formatMoney(data.total, data.currency)}, ${lines(data.lines.length)}`,
    links: { purchaseId: data.purchaseId, orderId: data.orderId, ...(data.dealId ? { dealId: data.dealId } : {}) },
    at: data.purchasedAt,
  }),
  'sales.purchase-refunded': ({ data }) => ({
    customerId: data.customerId,
    kind: 'refund',
    summary: `${data.kind === 'return' ? 'Return' : 'Refund'} on order ${data.orderId}: ${formatMoney(data.amount, data.currency)}${data.fullyRefunded ? ' (fully refunded)' : ''}`,
    links: { purchaseId: data.purchaseId, orderId: data.orderId },
    at: data.refundedAt,
  }),
  'sales.deal-opened': ({ data }) => ({
    customerId: data.customerId,
    kind: 'deal',
    summary: `Deal opened at stage ${data.stageId}: ${formatMoney(data.amount, data.currency)} (${data.probability}%)`,
    links: { dealId: data.dealId },
    at: data.openedAt,
    detail: data.title,
  }),
  'sales.deal-won': ({ data }) => ({
    customerId: data.customerId,
    kind: 'deal',
    summary: `Deal won: ${formatMoney(data.amount, data.currency)}`,
    links: { dealId: data.dealId },
    at: data.wonAt,
  }),
  'sales.deal-lost': ({ data }) => ({
    customerId: data.customerId,
    kind: 'deal',
    summary: `Deal lost: ${formatMoney(data.amount, data.currency)}`,
    links: { dealId: data.dealId },
    at: data.lostAt,
  }),
  'sales.deal-reopened': ({ data }) => ({
    customerId: data.customerId,
    kind: 'deal',
    summary: `Deal reopened at stage ${data.stageId} (was ${data.previousOutcome})`,
    links: { dealId: data.dealId },
    at: data.reopenedAt,
  }),
  'sales.deal-activity-logged': ({ data }) => ({
    customerId: data.customerId,
    kind: 'activity',
    summary: `${data.kind[0].toUpperCase()}${data.kind.slice(1)} logged on a deal`,
    links: { dealId: data.dealId },
    at: data.activityAt,
    detail: data.subject,
  }),
  'sales.contract-started': ({ data }) => ({
    customerId: data.customerId,
    kind: 'contract',
    summary: `Contract started: ${formatMoney(data.value, data.currency)} per ${data.termMonths} months`,
    links: { contractId: data.contractId, ...(data.dealId ? { dealId: data.dealId } : {}) },
    at: data.startedAt,
  }),
  'sales.contract-renewed': ({ data }) => ({
    customerId: data.customerId,
    kind: 'contract',
    summary: `Contract renewed: ${formatMoney(data.value, data.currency)}`,
    links: { contractId: data.contractId },
    at: data.renewedAt,
  }),
  'sales.contract-lapsed': ({ data }) => ({
    customerId: data.customerId,
    kind: 'contract',
    summary: `Contract lapsed (renewal due ${data.renewalDate})`,
    links: { contractId: data.contractId },
    at: data.lapsedAt,
  }),
});
