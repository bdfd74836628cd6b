import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import type { AccountEventOf, PartnerEvent } from '@c360/loyalty-domain';

/** Partner API keys by hash: what the partner guard looks a presented key up in. */
export interface PartnerCredentialDocument {
  readonly partnerId: string;
  readonly active: boolean;
}

export const loyaltyPartnerCredentialsProjection: DocumentProjection<PartnerCredentialDocument, PartnerEvent> = {
  name: 'loyalty-partner-credentials',
  version: 1,
  handles: ['loyalty.partner-registered', 'loyalty.partner-key-rotated', 'loyalty.partner-deactivated'],
  documentIds: (event) =>
    event.type === 'loyalty.partner-key-rotated' ? [event.data.previousKeyHash, event.data.keyHash] : [event.data.keyHash],
  evolve(_doc, event, documentId) {
    switch (event.type) {
      case 'loyalty.partner-registered':
        return { partnerId: event.data.partnerId, active: true };
      case 'loyalty.partner-key-rotated':
        // The old key stops working the moment the new one is issued.
        return documentId === event.data.previousKeyHash ? null : { partnerId: event.data.partnerId, active: true };
      case 'loyalty.partner-deactivated':
        return null;
    }
  },
};

export const LOYALTY_PARTNER_CREDENTIALS_COLLECTION = projectionCollection(loyaltyPartnerCredentialsProjection);

/** The partner list for supervisors. */
export interface PartnerDocument {
  readonly partnerId: string;
  readonly name: string;
  readonly active: boolean;
  readonly registeredAt: string;
}

type PartnerListEvent = Extract<PartnerEvent, { type: 'loyalty.partner-registered' | 'loyalty.partner-deactivated' }>;

export const loyaltyPartnersProjection: DocumentProjection<PartnerDocument, PartnerListEvent> = {
  name: 'loyalty-partners',
  version: 1,
  handles: ['loyalty.partner-registered', 'loyalty.partner-deactivated'],
  // Partners are listed by name.
  indexes: [{ fields: ['name'] }],
  documentIds: (event) => [event.data.partnerId],
  evolve(doc, event) {
    if (event.type === 'loyalty.partner-registered') {
      return { partnerId: event.data.partnerId, name: event.data.name, active: true, registeredAt: event.data.registeredAt };
    }
    return doc && { ...doc, active: false };
  },
};

export const LOYALTY_PARTNERS_COLLECTION = projectionCollection(loyaltyPartnersProjection);

/**
 * Settlement per partner and UTC day: points the partner issued to members, and points members
 * redeemed with the partner (completed redemptions, minus those cancelled). The partner settles
 * issued − redeemed with the programme.
 */
export interface PartnerSettlementDocument {
  readonly partnerId: string;
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly issued: number;
  readonly redeemed: number;
  readonly reversed: number;
}

type SettlementEvent = AccountEventOf<
  'loyalty.points-earned' | 'loyalty.points-redeemed' | 'loyalty.held-redemption-released' | 'loyalty.redemption-cancelled'
>;

function partnerEffect(
  event: SettlementEvent,
): { partnerId: string; day: string; issued: number; redeemed: number; reversed: number } | null {
  const day = (instant: string) => instant.slice(0, 10);
  switch (event.type) {
    case 'loyalty.points-earned':
      return event.data.source.kind === 'partner'
        ? { partnerId: event.data.source.partnerId, day: day(event.data.earnedAt), issued: event.data.points, redeemed: 0, reversed: 0 }
        : null;
    case 'loyalty.points-redeemed':
      return event.data.purpose.kind === 'partner'
        ? { partnerId: event.data.purpose.partnerId, day: day(event.data.redeemedAt), issued: 0, redeemed: event.data.points, reversed: 0 }
        : null;
    case 'loyalty.held-redemption-released':
      return event.data.purpose.kind === 'partner'
        ? { partnerId: event.data.purpose.partnerId, day: day(event.data.releasedAt), issued: 0, redeemed: event.data.points, reversed: 0 }
        : null;
    case 'loyalty.redemption-cancelled':
      return event.data.purpose.kind === 'partner'
        ? { partnerId: event.data.purpose.partnerId, day: day(event.data.cancelledAt), issued: 0, redeemed: 0, reversed: event.data.points }
        : null;
  }
}

export const loyaltyPartnerSettlementProjection: DocumentProjection<PartnerSettlementDocument, SettlementEvent> = {
  name: 'loyalty-partner-settlement',
  version: 1,
  handles: ['loyalty.points-earned', 'loyalty.points-redeemed', 'loyalty.held-redemption-released', 'loyalty.redemption-cancelled'],
  // A partner's days within a period.
  indexes: [{ fields: ['partnerId', 'day'] }],
  documentIds: (event) => {
    const effect = partnerEffect(event);
    return effect ? [`${effect.partnerId}/${effect.day}`] : [];
  },
  evolve(doc, event) {
    const effect = partnerEffect(event);
    if (!effect) return doc;
    return {
      partnerId: effect.partnerId,
      day: effect.day,
      issued: (doc?.issued ?? 0) + effect.issued,
      redeemed: (doc?.redeemed ?? 0) + effect.redeemed,
      reversed: (doc?.reversed ?? 0) + effect.reversed,
    };
  },
};

export const LOYALTY_PARTNER_SETTLEMENT_COLLECTION = projectionCollection(loyaltyPartnerSettlementProjection);
