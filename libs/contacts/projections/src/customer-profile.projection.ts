import {
  CUSTOMER_EVENT_TYPES,
  consentKey,
  customerIdOfStream,
  displayName,
  foldName,
  nameSearchKeys,
  withAdoption,
  withConsentChanges,
  withoutReturned,
  withProfileChanges,
  type Attributes,
  type ConsentDecisions,
  type CustomerEvent,
  type CustomerRegistered,
  type Identity,
  type MergeRecord,
  type PersonName,
  type PostalAddress,
} from '@c360/contacts-domain';
import { canHandle, isErased, type DocumentProjection, type EnvelopeOf, type EventEnvelope } from '@c360/kernel';

/** The person's own profile fields (personal, except the language and tags). */
export interface ProfileFields {
  readonly name?: PersonName;
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags: readonly string[];
  readonly attributes: Attributes;
}

/** A customer flagged at registration as a possible duplicate; `identities` (personal) are the ones shared. */
export interface FlaggedDuplicate {
  readonly otherCustomerId: string;
  readonly reasons: readonly string[];
  readonly identities: readonly Identity[];
}

/** A customer merged into this one and not split off again. */
export interface AbsorbedCustomer {
  readonly customerId: string;
  readonly mergeId: string;
  readonly mergedAt: string;
}

/** What every profile keeps, erased or not: ids, dates and business facts, and the fields searched on. */
interface ProfileDocumentBase {
  readonly customerId: string;
  /** The customer stream's revision (the If-Match of the next command). */
  readonly version: number;
  readonly registeredAt: string;
  readonly acquisitionSource?: string;
  readonly referralCode: string;
  readonly referrerId?: string;
  readonly referredAt?: string;
  readonly mergeHistory: readonly MergeRecord[];
  /** Folded display name, for sorting search results. */
  readonly sortName: string;
  /** Every prefix a name search may type (see nameSearchKeys). */
  readonly nameKeys: readonly string[];
  /** The customer's own e-mails (normalised) and phones (E.164). */
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  /** Identities this customer gave that belong to another customer (suspected duplicates). */
  readonly contested: readonly string[];
}

/** A customer that is not erased: its profile, consent decisions, duplicates and merges. */
interface LiveProfileDocument extends ProfileDocumentBase {
  readonly updatedAt: string;
  readonly profile: ProfileFields;
  /** The latest decision per channel and purpose (the history is the consents read model's). */
  readonly consents: ConsentDecisions;
  readonly suspectedDuplicates: readonly FlaggedDuplicate[];
  readonly absorbed: readonly AbsorbedCustomer[];
}

export interface ActiveProfileDocument extends LiveProfileDocument {
  readonly status: 'active';
}

export interface MergedProfileDocument extends LiveProfileDocument {
  readonly status: 'merged';
  readonly mergedInto: { readonly survivorId: string; readonly mergeId: string; readonly mergedAt: string };
}

/** After the tombstone: no personal field at all, and the search fields empty. */
export interface ErasedProfileDocument extends ProfileDocumentBase {
  readonly status: 'erased';
  readonly erasedAt: string;
  readonly sortName: '';
  readonly nameKeys: readonly [];
  readonly emails: readonly [];
  readonly phones: readonly [];
  readonly contested: readonly [];
}

/**
 * One document per customer, the read model's own: what the profile, search, duplicate, referral
 * and export queries read, folded from the customer events (never the decider's state). The
 * projection runs behind a revealing processor and sees plaintext; personal fields that read as
 * ERASED (a rebuild after the key was deleted) count as absent, and the erasure tombstone replaces
 * the document by one without any personal field.
 */
export type CustomerProfileDocument = ActiveProfileDocument | MergedProfileDocument | ErasedProfileDocument;

type LiveProfile = ActiveProfileDocument | MergedProfileDocument;

export const customerProfileProjection: DocumentProjection<CustomerProfileDocument, CustomerEvent> = {
  name: 'contacts-customer-profile',
  // v2: the profile's own document type instead of the decider's state (v1); rebuilt beside v1.
  // v3: search keys folded by foldForSearch (ø, æ, ß, Arabic/Persian letters, digits); rebuilt beside v2.
  version: 3,
  handles: CUSTOMER_EVENT_TYPES,
  // Names, e-mails and phones are searched in plaintext: the runtime feeds this projection revealed events.
  readsPersonalData: true,
  // What the queries filter and sort on: a referral code at registration and "referred by", referees,
  // search by e-mail, phone or name prefix (sorted by name), duplicate suggestions (contested identities),
  // and the customer list: by status sorted by name or by registration (which also serves the created
  // range), by tag, by referrer. The array fields are multikey indexes on MongoDB.
  indexes: [
    { fields: ['referralCode'] },
    { fields: ['referrerId'] },
    { fields: ['emails'] },
    { fields: ['phones'] },
    { fields: ['nameKeys', 'sortName'] },
    { fields: ['contested'] },
    { fields: ['status', 'sortName'] },
    { fields: ['status', 'registeredAt'] },
    { fields: ['profile.tags'] },
  ],
  documentIds: (event) => [customerIdOfStream(event.streamId)],
  evolve: evolveProfile,
};

/** The profile of one customer folded from its stream's (revealed) events; null when it has none. */
export function foldCustomerProfile(events: readonly EventEnvelope[]): CustomerProfileDocument | null {
  let doc: CustomerProfileDocument | null = null;
  for (const event of events) if (canHandle(customerProfileProjection, event)) doc = evolveProfile(doc, event);
  return doc;
}

function evolveProfile(doc: CustomerProfileDocument | null, event: EnvelopeOf<CustomerEvent>): CustomerProfileDocument | null {
  if (event.type === 'contacts.customer-registered') return registered(event.data, event.revision);
  if (event.type === 'contacts.customer-erased') return tombstone(doc, event.data.customerId, event.data.erasedAt, event.revision);
  if (!doc) return null;
  // Nothing changes an erased customer any more but the revision it answers to.
  if (doc.status === 'erased') return { ...doc, version: event.revision };
  return withSearchFields({ ...changed(doc, event), version: event.revision });
}

function registered(d: CustomerRegistered, version: number): ActiveProfileDocument {
  return withSearchFields({
    customerId: d.customerId,
    status: 'active',
    version,
    registeredAt: d.registeredAt,
    updatedAt: d.registeredAt,
    ...(d.acquisitionSource ? { acquisitionSource: d.acquisitionSource } : {}),
    referralCode: d.referralCode,
    mergeHistory: [],
    profile: {
      ...optional('name', plain(d.name)),
      ...optional('birthday', plain(d.birthday)),
      ...optional('address', plain(d.address)),
      ...optional('company', plain(d.company)),
      ...optional('preferredLanguage', d.preferredLanguage),
      tags: [...d.tags],
      attributes: { ...(plain(d.attributes) ?? {}) },
    },
    emails: strings(d.emails),
    phones: strings(d.phones),
    consents: {},
    suspectedDuplicates: [],
    absorbed: [],
    sortName: '',
    nameKeys: [],
    contested: [],
  });
}

/** Ids, dates and business facts survive; every personal field and every search field goes. */
function tombstone(doc: CustomerProfileDocument | null, customerId: string, erasedAt: string, version: number): ErasedProfileDocument {
  return {
    customerId,
    status: 'erased',
    version,
    registeredAt: doc?.registeredAt ?? erasedAt,
    erasedAt,
    ...(doc?.acquisitionSource ? { acquisitionSource: doc.acquisitionSource } : {}),
    referralCode: doc?.referralCode ?? '',
    ...(doc?.referrerId ? { referrerId: doc.referrerId, referredAt: doc.referredAt } : {}),
    mergeHistory: doc?.mergeHistory ?? [],
    sortName: '',
    nameKeys: [],
    emails: [],
    phones: [],
    contested: [],
  };
}

/** The search fields follow the name, the identities and the flagged duplicates. */
function withSearchFields<T extends LiveProfile>(doc: T): T {
  const name = doc.profile.name;
  return {
    ...doc,
    sortName: foldName(displayName(name)),
    nameKeys: nameSearchKeys(name),
    contested: doc.suspectedDuplicates.flatMap((duplicate) => duplicate.identities.map((identity) => identity.value)),
  };
}

type ChangeEvent = Exclude<EnvelopeOf<CustomerEvent>, { type: 'contacts.customer-registered' | 'contacts.customer-erased' }>;

function changed(doc: LiveProfile, event: ChangeEvent): LiveProfile {
  switch (event.type) {
    case 'contacts.profile-updated':
      return { ...doc, updatedAt: event.data.updatedAt, profile: withProfileChanges(doc.profile, event.data) };
    case 'contacts.email-added': {
      const email = plain(event.data.email);
      return {
        ...doc,
        updatedAt: event.data.addedAt,
        emails: typeof email === 'string' && !doc.emails.includes(email) ? [...doc.emails, email] : doc.emails,
      };
    }
    case 'contacts.email-removed':
      return { ...doc, updatedAt: event.data.removedAt, emails: doc.emails.filter((email) => email !== plain(event.data.email)) };
    case 'contacts.phone-added': {
      const phone = plain(event.data.phone);
      return {
        ...doc,
        updatedAt: event.data.addedAt,
        phones: typeof phone === 'string' && !doc.phones.includes(phone) ? [...doc.phones, phone] : doc.phones,
      };
    }
    case 'contacts.phone-removed':
      return { ...doc, updatedAt: event.data.removedAt, phones: doc.phones.filter((phone) => phone !== plain(event.data.phone)) };
    case 'contacts.consent-granted':
    case 'contacts.consent-revoked': {
      const granted = event.type === 'contacts.consent-granted';
      const at = event.type === 'contacts.consent-granted' ? event.data.grantedAt : event.data.revokedAt;
      const key = consentKey(event.data.channel, event.data.purpose);
      return { ...doc, updatedAt: at, consents: { ...doc.consents, [key]: { granted, source: event.data.source, at } } };
    }
    case 'contacts.customer-referred':
      return { ...doc, updatedAt: event.data.referredAt, referrerId: event.data.referrerId, referredAt: event.data.referredAt };
    case 'contacts.duplicate-suspected': {
      const identities = plain(event.data.identities);
      const flagged: FlaggedDuplicate = {
        otherCustomerId: event.data.otherCustomerId,
        reasons: [...event.data.reasons],
        identities: Array.isArray(identities) ? identities : [],
      };
      return { ...doc, updatedAt: event.data.suspectedAt, suspectedDuplicates: [...doc.suspectedDuplicates, flagged] };
    }
    case 'contacts.customers-merged': {
      // On the absorbed customer's stream.
      const { mergeId, survivorId, mergedAt } = event.data;
      const record: MergeRecord = { mergeId, role: 'absorbed', otherCustomerId: survivorId, mergedAt };
      return {
        ...doc,
        status: 'merged',
        mergedInto: { survivorId, mergeId, mergedAt },
        updatedAt: mergedAt,
        mergeHistory: [...doc.mergeHistory, record],
      };
    }
    case 'contacts.customer-absorbed': {
      // On the survivor's stream: what it adopted, by the one merge policy.
      const d = event.data;
      const { emails, phones, profile } = withAdoption(doc, d.adopted);
      const record: MergeRecord = { mergeId: d.mergeId, role: 'survivor', otherCustomerId: d.absorbedId, mergedAt: d.mergedAt };
      return {
        ...doc,
        emails,
        phones,
        profile,
        updatedAt: d.mergedAt,
        consents: withConsentChanges(doc.consents, d.consentChanges, d.mergedAt),
        absorbed: [...doc.absorbed, { customerId: d.absorbedId, mergeId: d.mergeId, mergedAt: d.mergedAt }],
        mergeHistory: [...doc.mergeHistory, record],
      };
    }
    case 'contacts.merge-undone': {
      const d = event.data;
      const mergeHistory = doc.mergeHistory.map((record) => (record.mergeId === d.mergeId ? { ...record, undoneAt: d.undoneAt } : record));
      if (d.survivorId !== doc.customerId) {
        const base = { ...doc, updatedAt: d.undoneAt, mergeHistory };
        if (base.status !== 'merged' || base.mergedInto.mergeId !== d.mergeId) return base;
        const { mergedInto: _undone, ...rest } = base;
        return { ...rest, status: 'active' };
      }
      const { emails, phones, profile } = withoutReturned(doc, d.returned);
      return {
        ...doc,
        emails,
        phones,
        profile,
        updatedAt: d.undoneAt,
        consents: withConsentChanges(doc.consents, d.consentChanges, d.undoneAt),
        absorbed: doc.absorbed.filter((merge) => merge.mergeId !== d.mergeId),
        mergeHistory,
      };
    }
  }
}

/** A personal value, or undefined when it reads as ERASED. */
function plain<T>(value: T): T | undefined {
  return isErased(value) ? undefined : value;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function optional<K extends string, V>(field: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [field]: value } as Record<K, V>);
}
