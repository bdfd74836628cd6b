import { foldName, normaliseEmail, normalisePhone } from '@c360/contacts-domain';
import { DomainError, type FieldCondition, type Filter, type SortSpec } from '@c360/kernel';

export type CustomerStatusFilter = 'active' | 'merged' | 'erased';
export type CustomerSort = 'name' | 'created';

/** What `GET /customers` asks: at most one of name, e-mail or phone, filters, and a page. */
export interface SearchInput {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly defaultRegion?: string;
  /** Default `active`: merged customers answer to their survivor, erased ones have nothing to show. */
  readonly status?: CustomerStatusFilter;
  readonly tag?: string;
  /** Registered at or after this instant (ISO 8601). */
  readonly createdFrom?: string;
  /** Registered before this instant (ISO 8601, exclusive, so consecutive ranges do not overlap). */
  readonly createdTo?: string;
  /** The referrer's customer id (a referral code is resolved to one before the filter is built). */
  readonly referrerId?: string;
  readonly sort?: CustomerSort;
  readonly limit: number;
  readonly cursor?: string;
}

/** The name search key is a prefix of at most this many characters (see nameSearchKeys). */
const MAX_NAME_KEY = 40;

/** The read-model filter and sort of a search; one job: turning what was asked into the store's terms. */
export function customerSearchFilter(input: SearchInput, defaultPhoneRegion: string): { filter: Filter; sort: SortSpec } {
  const given = [input.name, input.email, input.phone].filter((value) => value !== undefined);
  if (given.length > 1)
    throw new DomainError('contacts.invalid-search', 'Search by at most one of name, email or phone', 'invalid', { field: 'name' });
  const filter: Record<string, string | FieldCondition> = { status: input.status ?? 'active' };
  if (input.name !== undefined) {
    const prefix = foldName(input.name);
    if (!prefix) throw new DomainError('contacts.invalid-search', 'name: give at least one letter or digit', 'invalid', { field: 'name' });
    filter.nameKeys = prefix.slice(0, MAX_NAME_KEY);
  }
  if (input.email !== undefined) filter.emails = normaliseEmail(input.email, 'email');
  if (input.phone !== undefined) filter.phones = normalisePhone(input.phone, input.defaultRegion ?? defaultPhoneRegion, 'phone');
  if (input.tag !== undefined) filter['profile.tags'] = input.tag;
  if (input.referrerId !== undefined) filter.referrerId = input.referrerId;
  const created: { $gte?: string; $lt?: string } = {
    ...(input.createdFrom !== undefined ? { $gte: instant(input.createdFrom) } : {}),
    ...(input.createdTo !== undefined ? { $lt: instant(input.createdTo) } : {}),
  };
  if (created.$gte !== undefined || created.$lt !== undefined) filter.registeredAt = created;
  const sort: SortSpec = input.sort === 'created' ? { field: 'registeredAt', direction: 'asc' } : { field: 'sortName', direction: 'asc' };
  return { filter, sort };
}

/** Registration times are stored as `toISOString()`; bounds in the same form compare as strings. */
function instant(value: string): string {
  return new Date(value).toISOString();
}
