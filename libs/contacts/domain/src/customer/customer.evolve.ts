import { isErased } from '@c360/kernel';
import { consentKey } from '../consent/consent';
import { withAdoption, withConsentChanges, withoutReturned } from '../merge/merge-policy';
import type { CustomerEvent } from './customer.events';
import { customerData, type CustomerData, type CustomerState } from './customer.state';
import { withProfileChanges } from './profile-changes';

/**
 * Folds one event into a customer's state. Personal fields may read as ERASED (their key was deleted
 * and the stream is replayed, e.g. when a read model is rebuilt): they are treated as absent, never
 * interpreted, and the stream ends with the erasure tombstone anyway.
 */
export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'contacts.customer-registered') {
    const d = event.data;
    return {
      status: 'active',
      customerId: d.customerId,
      registeredAt: d.registeredAt,
      updatedAt: d.registeredAt,
      ...(d.acquisitionSource ? { acquisitionSource: d.acquisitionSource } : {}),
      referralCode: d.referralCode,
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
      activeMerges: [],
      mergeHistory: [],
    };
  }
  if (event.type === 'contacts.customer-erased') {
    const data = customerData(state);
    const history = state.status === 'none' ? [] : state.mergeHistory;
    return {
      status: 'erased',
      customerId: event.data.customerId,
      registeredAt: data?.registeredAt ?? (state.status === 'erased' ? state.registeredAt : event.data.erasedAt),
      erasedAt: event.data.erasedAt,
      ...(data?.acquisitionSource ? { acquisitionSource: data.acquisitionSource } : {}),
      referralCode: data?.referralCode ?? (state.status === 'erased' ? state.referralCode : ''),
      ...(data?.referrerId ? { referrerId: data.referrerId, referredAt: data.referredAt } : {}),
      // Sealed with the customer's key: once that key is deleted the keys read as ERASED (already released).
      releasedIdentities: Array.isArray(event.data.releasedIdentities) ? [...event.data.releasedIdentities] : [],
      mergeHistory: history,
      ...(event.data.viaSurvivorId ? { viaSurvivorId: event.data.viaSurvivorId } : {}),
    };
  }
  const data = customerData(state);
  if (!data || state.status === 'none' || state.status === 'erased') return state;
  const next = evolveData(data, event);
  if (event.type === 'contacts.customers-merged') {
    return { ...next, status: 'merged', survivorId: event.data.survivorId, mergeId: event.data.mergeId, mergedAt: event.data.mergedAt };
  }
  if (event.type === 'contacts.merge-undone' && state.status === 'merged' && state.mergeId === event.data.mergeId) {
    return { ...next, status: 'active' };
  }
  return state.status === 'merged'
    ? { ...next, status: 'merged', survivorId: state.survivorId, mergeId: state.mergeId, mergedAt: state.mergedAt }
    : { ...next, status: 'active' };
}

function evolveData(data: CustomerData, event: CustomerEvent): CustomerData {
  switch (event.type) {
    case 'contacts.profile-updated':
      return { ...data, updatedAt: event.data.updatedAt, profile: withProfileChanges(data.profile, event.data) };
    case 'contacts.email-added': {
      const email = plain(event.data.email);
      return {
        ...data,
        updatedAt: event.data.addedAt,
        emails: typeof email === 'string' && !data.emails.includes(email) ? [...data.emails, email] : data.emails,
      };
    }
    case 'contacts.email-removed':
      return { ...data, updatedAt: event.data.removedAt, emails: data.emails.filter((email) => email !== plain(event.data.email)) };
    case 'contacts.phone-added': {
      const phone = plain(event.data.phone);
      return {
        ...data,
        updatedAt: event.data.addedAt,
        phones: typeof phone === 'string' && !data.phones.includes(phone) ? [...data.phones, phone] : data.phones,
      };
    }
    case 'contacts.phone-removed':
      return { ...data, updatedAt: event.data.removedAt, phones: data.phones.filter((phone) => phone !== plain(event.data.phone)) };
    case 'contacts.consent-granted':
    case 'contacts.consent-revoked': {
      const granted = event.type === 'contacts.consent-granted';
      const at = event.type === 'contacts.consent-granted' ? event.data.grantedAt : event.data.revokedAt;
      const key = consentKey(event.data.channel, event.data.purpose);
      return { ...data, updatedAt: at, consents: { ...data.consents, [key]: { granted, source: event.data.source, at } } };
    }
    case 'contacts.customer-referred':
      return { ...data, updatedAt: event.data.referredAt, referrerId: event.data.referrerId, referredAt: event.data.referredAt };
    case 'contacts.duplicate-suspected': {
      const identities = plain(event.data.identities);
      return {
        ...data,
        updatedAt: event.data.suspectedAt,
        suspectedDuplicates: [
          ...data.suspectedDuplicates,
          {
            otherCustomerId: event.data.otherCustomerId,
            reasons: [...event.data.reasons],
            identities: Array.isArray(identities) ? identities : [],
          },
        ],
      };
    }
    case 'contacts.customers-merged':
      return {
        ...data,
        updatedAt: event.data.mergedAt,
        mergeHistory: [
          ...data.mergeHistory,
          { mergeId: event.data.mergeId, role: 'absorbed', otherCustomerId: event.data.survivorId, mergedAt: event.data.mergedAt },
        ],
      };
    case 'contacts.customer-absorbed': {
      const d = event.data;
      const consentBefore = Object.fromEntries(
        d.consentChanges.map((change) => {
          const key = consentKey(change.channel, change.purpose);
          return [key, data.consents[key] ?? null];
        }),
      );
      return {
        ...data,
        ...withAdoption(data, d.adopted),
        updatedAt: d.mergedAt,
        consents: withConsentChanges(data.consents, d.consentChanges, d.mergedAt),
        activeMerges: [
          ...data.activeMerges,
          { mergeId: d.mergeId, absorbedId: d.absorbedId, mergedAt: d.mergedAt, adopted: d.adopted, consentBefore },
        ],
        mergeHistory: [...data.mergeHistory, { mergeId: d.mergeId, role: 'survivor', otherCustomerId: d.absorbedId, mergedAt: d.mergedAt }],
      };
    }
    case 'contacts.merge-undone': {
      const d = event.data;
      const history = data.mergeHistory.map((record) => (record.mergeId === d.mergeId ? { ...record, undoneAt: d.undoneAt } : record));
      if (d.survivorId !== data.customerId) return { ...data, updatedAt: d.undoneAt, mergeHistory: history };
      return {
        ...data,
        ...withoutReturned(data, d.returned),
        updatedAt: d.undoneAt,
        consents: withConsentChanges(data.consents, d.consentChanges, d.undoneAt),
        activeMerges: data.activeMerges.filter((merge) => merge.mergeId !== d.mergeId),
        mergeHistory: history,
      };
    }
    default:
      return data;
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
