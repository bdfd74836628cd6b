import type { DocumentProjection } from '@c360/kernel';
import { type ActivityKind, type DealActivityLogged } from '@c360/sales-domain';

export interface ActivityDocument {
  readonly activityId: string;
  readonly dealId: string;
  readonly customerId: string;
  readonly kind: ActivityKind;
  /**
   * Sealed with the customer's key, as in the event (ADR 0006): the projector runs on ciphertext and
   * the query opens it, so no plaintext outlives an erasure here.
   */
  readonly subject: unknown;
  readonly notes: unknown;
  readonly activityAt: string;
  readonly loggedBy: string;
  readonly loggedAt: string;
}

/** The document id of an activity (activity ids are unique per deal). */
export function activityDocumentId(dealId: string, activityId: string): string {
  return `${dealId}:${activityId}`;
}

/** Activities of deals, listed per deal or per customer, newest first. */
export const dealActivitiesProjection: DocumentProjection<ActivityDocument, DealActivityLogged> = {
  name: 'sales-deal-activities',
  version: 1,
  handles: ['sales.deal-activity-logged'],
  indexes: [{ fields: ['dealId', 'activityAt'] }, { fields: ['customerId', 'activityAt'] }],
  documentIds: (event) => {
    const data = event.data as { dealId: string; activityId: string };
    return [activityDocumentId(data.dealId, data.activityId)];
  },
  evolve(_doc, event) {
    if (event.type !== 'sales.deal-activity-logged') return _doc;
    const d = event.data;
    return {
      activityId: d.activityId,
      dealId: d.dealId,
      customerId: d.customerId,
      kind: d.kind,
      subject: d.subject,
      notes: d.notes,
      activityAt: d.activityAt,
      loggedBy: d.loggedBy,
      loggedAt: d.loggedAt,
    };
  },
};
