import { displayName, type ConsentDecisions, type MergeRecord, type PersonName, type PostalAddress } from '@c360/contacts-domain';
import type { CustomerProfileDocument } from './customer-profile.projection';

/** What the API shows of a customer: the profile, its identities, consents, referral and merges. */
export interface CustomerProfileView {
  readonly customerId: string;
  readonly status: 'active' | 'merged' | 'erased';
  /** The customer stream's revision: send it back as If-Match. */
  readonly version: number;
  readonly registeredAt: string;
  readonly updatedAt?: string;
  readonly erasedAt?: string;
  readonly displayName?: string;
  readonly name?: PersonName;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly acquisitionSource?: string;
  readonly referralCode: string;
  readonly referrerId?: string;
  readonly referredAt?: string;
  readonly consents?: ConsentDecisions;
  readonly suspectedDuplicates?: ReadonlyArray<{ readonly otherCustomerId: string; readonly reasons: readonly string[] }>;
  readonly mergedInto?: { readonly survivorId: string; readonly mergeId: string; readonly mergedAt: string };
  /** Customers merged into this one and not split off again. */
  readonly absorbed?: ReadonlyArray<{ readonly customerId: string; readonly mergeId: string; readonly mergedAt: string }>;
  readonly mergeHistory: readonly MergeRecord[];
}

/** The API's view of a profile document (the document's revision is its `version`). */
export function toProfileView(doc: CustomerProfileDocument): CustomerProfileView {
  if (doc.status === 'erased') {
    return {
      customerId: doc.customerId,
      status: 'erased',
      version: doc.version,
      registeredAt: doc.registeredAt,
      erasedAt: doc.erasedAt,
      ...(doc.acquisitionSource ? { acquisitionSource: doc.acquisitionSource } : {}),
      referralCode: doc.referralCode,
      ...(doc.referrerId ? { referrerId: doc.referrerId, referredAt: doc.referredAt } : {}),
      mergeHistory: doc.mergeHistory,
    };
  }
  const profile = doc.profile;
  return {
    customerId: doc.customerId,
    status: doc.status,
    version: doc.version,
    registeredAt: doc.registeredAt,
    updatedAt: doc.updatedAt,
    displayName: displayName(profile.name),
    ...(profile.name ? { name: profile.name } : {}),
    emails: doc.emails,
    phones: doc.phones,
    ...(profile.birthday ? { birthday: profile.birthday } : {}),
    ...(profile.address ? { address: profile.address } : {}),
    ...(profile.company ? { company: profile.company } : {}),
    ...(profile.preferredLanguage ? { preferredLanguage: profile.preferredLanguage } : {}),
    tags: profile.tags,
    attributes: profile.attributes,
    ...(doc.acquisitionSource ? { acquisitionSource: doc.acquisitionSource } : {}),
    referralCode: doc.referralCode,
    ...(doc.referrerId ? { referrerId: doc.referrerId, referredAt: doc.referredAt } : {}),
    consents: doc.consents,
    suspectedDuplicates: doc.suspectedDuplicates.map(({ otherCustomerId, reasons }) => ({ otherCustomerId, reasons })),
    ...(doc.status === 'merged' ? { mergedInto: doc.mergedInto } : {}),
    absorbed: doc.absorbed,
    mergeHistory: doc.mergeHistory,
  };
}
