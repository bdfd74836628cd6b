import { displayName, normaliseReferralCode } from '@c360/contacts-domain';
import { toProfileView, type CustomerProfileDocument, type CustomerProfileView } from '@c360/contacts-projections';
import { DomainError, type StoredDocument } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';
import { CustomerDirectory } from './customer-directory';
import { customerSearchFilter, type SearchInput } from './customer-search-filter';

export type { SearchInput } from './customer-search-filter';

export interface CustomerSummary {
  readonly customerId: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly version: number;
}

/** The profile an id answers to; `resolvedFrom` names the id asked for when it was merged away. */
export type CustomerProfileAnswer = CustomerProfileView & { readonly resolvedFrom?: string };

export interface CustomerSearchPage {
  readonly items: readonly CustomerSummary[];
  readonly nextCursor?: string;
}

/** Profiles and searches, from the profile read model. */
@Injectable()
export class CustomerReadService {
  constructor(
    private readonly directory: CustomerDirectory,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
  ) {}

  /**
   * The profile an id answers to: a customer merged into another resolves to the survivor (the
   * response says `resolvedFrom`), unless `resolve` is false.
   */
  async profile(customerId: string, resolve = true): Promise<CustomerProfileAnswer> {
    const target = resolve ? await this.directory.resolve(customerId) : { customerId, path: [] };
    const doc = await this.directory.profile(target.customerId);
    if (!doc) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    return { ...toProfileView(doc), ...(target.customerId !== customerId ? { resolvedFrom: customerId } : {}) };
  }

  /**
   * Customers a page at a time (sorted by name, or by registration time), by name prefix (any word,
   * folded as the stored keys are), e-mail or phone — or none of them: then it lists — and filtered by
   * status (default active), tag, registration range and referrer.
   */
  async search(input: SearchInput): Promise<CustomerSearchPage> {
    const referrerId = input.referrerId === undefined ? undefined : await this.referrerIdOf(input.referrerId);
    if (referrerId === null) return { items: [] };
    const { filter, sort } = customerSearchFilter({ ...input, referrerId }, this.options.defaultPhoneRegion);
    const page = await this.directory.profiles(filter, { sort, limit: input.limit, after: input.cursor });
    return { items: page.items.map(summary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  /** `referredBy` is a customer id or a referral code; null when no customer has that code. */
  private async referrerIdOf(referredBy: string): Promise<string | null> {
    if (UUID.test(referredBy)) return referredBy.toLowerCase();
    return (await this.directory.customerByReferralCode(normaliseReferralCode(referredBy))) ?? null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function summary(doc: StoredDocument<CustomerProfileDocument>): CustomerSummary {
  const name = doc.status === 'erased' ? undefined : doc.profile.name;
  return { customerId: doc.customerId, displayName: displayName(name), emails: doc.emails, phones: doc.phones, version: doc.version };
}
