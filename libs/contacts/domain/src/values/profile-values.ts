import { ContactsErrors } from '../contacts-errors';

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly region?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

export type AttributeValue = string | number | boolean;
export type Attributes = Readonly<Record<string, AttributeValue>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LANGUAGE = /^([a-z]{2,3})(-[a-z]{4})?(-([a-z]{2}|\d{3}))?$/i;
const SLUG = /^[a-z0-9][a-z0-9._:-]{0,63}$/;
const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** A calendar date (YYYY-MM-DD) that exists, after 1900 and not after `today`. */
export function validBirthday(value: string, today: string, field = 'birthday'): string {
  const match = DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00.000Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw ContactsErrors.invalid('invalid-birthday', field, 'must be a date YYYY-MM-DD');
  }
  if (value < '1900-01-01' || value > today.slice(0, 10)) {
    throw ContactsErrors.invalid('invalid-birthday', field, 'must lie between 1900-01-01 and today');
  }
  return value;
}

/** BCP 47 language tag, canonical case: `nb`, `en-GB`, `zh-Hant-TW`. */
export function normaliseLanguage(value: string, field = 'preferredLanguage'): string {
  const match = LANGUAGE.exec(value.trim());
  if (!match) throw ContactsErrors.invalid('invalid-language', field, 'must be a language tag such as "nb" or "en-GB"');
  const [, language, script, , region] = match;
  return [
    language.toLowerCase(),
    script ? script.slice(1, 2).toUpperCase() + script.slice(2).toLowerCase() : undefined,
    region ? region.toUpperCase() : undefined,
  ]
    .filter(Boolean)
    .join('-');
}

/** Codes such as tags, acquisition sources and consent sources: lower-case slugs, never free text. */
export function validSlug(value: string, field: string): string {
  const slug = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!SLUG.test(slug))
    throw ContactsErrors.invalid('invalid-code', field, 'must be a code of 1-64 characters a-z, 0-9, ".", "_", ":" or "-"');
  return slug;
}

export function validTags(tags: readonly string[], field = 'tags'): string[] {
  if (tags.length > 50) throw ContactsErrors.invalid('invalid-tags', field, 'at most 50 tags');
  return [...new Set(tags.map((tag, index) => validSlug(tag, `${field}.${index}`)))].sort();
}

export function validAttributes(attributes: Readonly<Record<string, AttributeValue | null>>, field = 'attributes'): void {
  const entries = Object.entries(attributes);
  if (entries.length > 100) throw ContactsErrors.invalid('invalid-attributes', field, 'at most 100 attributes');
  for (const [key, value] of entries) {
    if (!ATTRIBUTE_KEY.test(key)) throw ContactsErrors.invalid('invalid-attributes', `${field}.${key}`, 'is not a valid attribute name');
    const ok =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= 1000);
    if (!ok)
      throw ContactsErrors.invalid('invalid-attributes', `${field}.${key}`, 'must be a string (≤ 1000), a finite number or a boolean');
  }
}

export function validAddress(address: PostalAddress, field = 'address'): PostalAddress {
  const line1 = typeof address?.line1 === 'string' ? address.line1.trim() : '';
  if (line1.length === 0 || line1.length > 200)
    throw ContactsErrors.invalid('invalid-address', `${field}.line1`, 'must be 1-200 characters');
  const clean: Record<string, string> = { line1 };
  for (const part of ['line2', 'postalCode', 'city', 'region'] as const) {
    const value = address[part];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim().length > 100)
      throw ContactsErrors.invalid('invalid-address', `${field}.${part}`, 'must be at most 100 characters');
    if (value.trim()) clean[part] = value.trim();
  }
  if (address.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(address.country))
      throw ContactsErrors.invalid('invalid-address', `${field}.country`, 'must be an ISO 3166 alpha-2 code');
    clean.country = address.country.toUpperCase();
  }
  return clean as unknown as PostalAddress;
}

export function validCompany(company: string, field = 'company'): string {
  const value = typeof company === 'string' ? company.trim() : '';
  if (value.length === 0 || value.length > 200) throw ContactsErrors.invalid('invalid-company', field, 'must be 1-200 characters');
  return value;
}
