import { deriveId } from '@c360/kernel';
import type { SalesChannel } from './purchase.events';

/**
 * The purchase id (and so the stream) of an order: derived from the channel and the channel's own
 * order id, so recording the same order twice lands on the same stream and has one effect. Order ids
 * are unique per channel (a web shop and a till may both have an order "1001").
 */
export function purchaseIdFor(channel: SalesChannel, orderId: string): string {
  return deriveId(`order/${channel}/${orderId}`);
}

/** The order a won deal records (channel `deal`). */
export function dealOrderId(dealId: string): string {
  return `deal-${dealId}`;
}
