import {
  customerData,
  displayName,
  type ConsentDecisions,
  type CustomerState,
  type MergeRecord,
  type PersonName,
  type PostalAddress,
} from '@c360/contacts-domain';

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

export function toProfileView(state: Exclude<CustomerState, { status: 'none' }>, version: number): CustomerProfileView {
  if (state.status === 'erased') {
    return {
      customerId: state.customerId,
      status: 'erased',
      version,
      registeredAt: state.registeredAt,
      erasedAt: state.erasedAt,
      ...(state.acquisitionSource ? { acquisitionSource: state.acquisitionSource } : {}),
      referralCode: state.referralCode,
      ...(state.referrerId ? { referrerId: state.referrerId, referredAt: state.referredAt } : {}),
      mergeHistory: state.mergeHistory,
    };
  }
  const data = customerData(state);
  if (!data) throw new TypeError('A registered customer has data');
  const profile = data.profile;
  return {
    customerId: data.customerId,
    status: state.status,
    version,
    registeredAt: data.registeredAt,
    updatedAt: data.updatedAt,
    displayName: displayName(profile.name),
    ...(profile.name ? { name: profile.name } : {}),
    emails: data.emails,
    phones: data.phones,
    ...(profile.birthday ? { birthday: profile.birthday } : {}),
    ...(profile.address ? { address: profile.address } : {}),
    ...(profile.company ? { company: profile.company } : {}),
    ...(profile.preferredLanguage ? { preferredLanguage: profile.preferredLanguage } : {}),
    tags: profile.tags,
    attributes: profile.attributes,
    ...(data.acquisitionSource ? { acquisitionSource: data.acquisitionSource } : {}),
    referralCode: data.referralCode,
    ...(data.referrerId ? { referrerId: data.referrerId, referredAt: data.referredAt } : {}),
    consents: data.consents,
    suspectedDuplicates: data.suspectedDuplicates.map(({ otherCustomerId, reasons }) => ({ otherCustomerId, reasons })),
    ...(state.status === 'merged'
      ? { mergedInto: { survivorId: state.survivorId, mergeId: state.mergeId, mergedAt: state.mergedAt } }
      : {}),
    absorbed: data.activeMerges.map((merge) => ({ customerId: merge.absorbedId, mergeId: merge.mergeId, mergedAt: merge.mergedAt })),
    mergeHistory: data.mergeHistory,
  };
}
