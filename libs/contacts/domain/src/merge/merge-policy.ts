import { isErased } from '@c360/kernel';
import { consentKey, type ConsentChange, type ConsentDecision, type ConsentDecisions, type ConsentKey } from '../consent/consent';
import type { MergeAdoption } from '../customer/customer.events';
import type { ActiveMerge, CustomerData, CustomerProfile } from '../customer/customer.state';
import type { AttributeValue } from '../values/profile-values';

/**
 * The field-conflict policy of a merge (absorbed → survivor), stated once:
 * - e-mails and phones: union (the absorbed customer's identities move to the survivor);
 * - name, birthday, address, company, preferred language: the survivor's value wins; the absorbed
 *   customer's value only fills a field the survivor has empty;
 * - tags: union; custom attributes: the survivor's keys win, missing keys are filled;
 * - consent: per channel and purpose the most recent decision of the two wins (the person's latest
 *   word), recorded as a decision of the survivor at the time of the merge;
 * - referral code, referrer and acquisition source: the survivor's stand (the absorbed customer's
 *   stay on its own stream and in exports).
 * Undo gives back exactly what was adopted and is still unchanged on the survivor.
 */
export function adoptionFor(survivor: CustomerData, absorbed: CustomerData): MergeAdoption {
  const own = survivor.profile;
  const theirs = absorbed.profile;
  const fill = <K extends 'name' | 'birthday' | 'address' | 'company' | 'preferredLanguage'>(field: K) =>
    own[field] === undefined && theirs[field] !== undefined ? { [field]: theirs[field] } : {};
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(theirs.attributes)) if (!(key in own.attributes)) attributes[key] = value;
  return {
    emails: absorbed.emails.filter((email) => !survivor.emails.includes(email)),
    phones: absorbed.phones.filter((phone) => !survivor.phones.includes(phone)),
    ...fill('name'),
    ...fill('birthday'),
    ...fill('address'),
    ...fill('company'),
    ...fill('preferredLanguage'),
    tags: theirs.tags.filter((tag) => !own.tags.includes(tag)),
    attributes,
  };
}

/** Consent decisions the survivor takes over: where the absorbed customer decided later, differently. */
export function consentChangesForMerge(survivor: CustomerData, absorbed: CustomerData, mergeId: string): ConsentChange[] {
  const changes: ConsentChange[] = [];
  for (const [key, theirs] of Object.entries(absorbed.consents) as Array<[ConsentKey, ConsentDecision]>) {
    const own = survivor.consents[key];
    const later = !own || Date.parse(theirs.at) > Date.parse(own.at);
    if (later && (own?.granted ?? false) !== theirs.granted) {
      const [channel, purpose] = key.split(':') as [ConsentChange['channel'], ConsentChange['purpose']];
      changes.push({ channel, purpose, granted: theirs.granted, source: `merge:${mergeId}` });
    }
  }
  return changes;
}

/** What undoing a merge gives back: what was adopted and is still on the survivor unchanged. */
export function returnedOnUndo(survivor: CustomerData, merge: ActiveMerge): MergeAdoption {
  const adopted = merge.adopted;
  const profile = survivor.profile;
  const same = <K extends 'name' | 'birthday' | 'address' | 'company' | 'preferredLanguage'>(field: K) =>
    adopted[field] !== undefined && sameValue(profile[field], adopted[field]) ? { [field]: adopted[field] } : {};
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(adopted.attributes)) if (profile.attributes[key] === value) attributes[key] = value;
  return {
    emails: adopted.emails.filter((email) => survivor.emails.includes(email)),
    phones: adopted.phones.filter((phone) => survivor.phones.includes(phone)),
    ...same('name'),
    ...same('birthday'),
    ...same('address'),
    ...same('company'),
    ...same('preferredLanguage'),
    tags: adopted.tags.filter((tag) => profile.tags.includes(tag)),
    attributes,
  };
}

/** Consent decisions reverted by an undo: those the merge set and nobody changed since. */
export function consentChangesForUndo(survivor: CustomerData, merge: ActiveMerge): ConsentChange[] {
  const changes: ConsentChange[] = [];
  for (const [key, before] of Object.entries(merge.consentBefore) as Array<[ConsentKey, ConsentDecision | null]>) {
    const current = survivor.consents[key];
    if (!current || current.source !== `merge:${merge.mergeId}`) continue;
    const granted = before?.granted ?? false;
    if (granted === current.granted) continue;
    const [channel, purpose] = key.split(':') as [ConsentChange['channel'], ConsentChange['purpose']];
    changes.push({ channel, purpose, granted, source: `merge-undo:${merge.mergeId}` });
  }
  return changes;
}

/** What an adoption changes: the identities and the profile (the write side's state or a read model's document). */
export type IdentitiesAndProfile = Pick<CustomerData, 'emails' | 'phones' | 'profile'>;

/**
 * Folds an adoption into the survivor's data. An adoption that reads as ERASED (the absorbed person
 * was erased after an undo) adds nothing: the survivor never keeps an erased person's data.
 */
export function withAdoption(data: IdentitiesAndProfile, adopted: MergeAdoption): IdentitiesAndProfile {
  if (isErased(adopted) || typeof adopted !== 'object' || adopted === null) return data;
  const profile: CustomerProfile = {
    ...data.profile,
    ...pick(adopted, ['name', 'birthday', 'address', 'company', 'preferredLanguage']),
    tags: [...new Set([...data.profile.tags, ...(adopted.tags ?? [])])].sort(),
    attributes: { ...(adopted.attributes ?? {}), ...data.profile.attributes },
  };
  return {
    emails: [...data.emails, ...(adopted.emails ?? []).filter((email) => !data.emails.includes(email))],
    phones: [...data.phones, ...(adopted.phones ?? []).filter((phone) => !data.phones.includes(phone))],
    profile,
  };
}

export function withoutReturned(data: IdentitiesAndProfile, returned: MergeAdoption | undefined): IdentitiesAndProfile {
  if (!returned || isErased(returned) || typeof returned !== 'object') return data;
  const profile: Record<string, unknown> = { ...data.profile };
  for (const field of ['name', 'birthday', 'address', 'company', 'preferredLanguage'] as const) {
    if (returned[field] !== undefined && sameValue(profile[field], returned[field])) delete profile[field];
  }
  const attributes: Record<string, AttributeValue> = { ...data.profile.attributes };
  for (const [key, value] of Object.entries(returned.attributes ?? {})) if (attributes[key] === value) delete attributes[key];
  return {
    emails: data.emails.filter((email) => !(returned.emails ?? []).includes(email)),
    phones: data.phones.filter((phone) => !(returned.phones ?? []).includes(phone)),
    profile: {
      ...(profile as unknown as CustomerProfile),
      tags: data.profile.tags.filter((tag) => !(returned.tags ?? []).includes(tag)),
      attributes,
    },
  };
}

export function withConsentChanges(
  consents: ConsentDecisions,
  changes: readonly ConsentChange[] | undefined,
  at: string,
): ConsentDecisions {
  const next: Partial<Record<ConsentKey, ConsentDecision>> = { ...consents };
  for (const change of changes ?? [])
    next[consentKey(change.channel, change.purpose)] = { granted: change.granted, source: change.source, at };
  return next;
}

function pick<T extends object, K extends keyof T>(value: T, fields: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const field of fields) if (value[field] !== undefined) out[field] = value[field];
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
