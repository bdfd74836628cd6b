import { displayName, foldName, normaliseEmail, normalisePhone } from '@c360/contacts-domain';
import { toProfileView, type CustomerProfileDocument, type CustomerProfileView } from '@c360/contacts-projections';
import { DomainError, type Filter, type StoredDocument } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';
import { CustomerDirectory } from './customer-directory';

export interface CustomerSummary {
  readonly customerId: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly version: number;
}

export interface SearchInput {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly defaultRegion?: string;
  readonly limit: number;
  readonly cursor?: string;
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

  /** Active customers by name prefix (any word, accents and case ignored), e-mail or phone. */
  async search(input: SearchInput): Promise<CustomerSearchPage> {
    const given = [input.name, input.email, input.phone].filter((value) => value !== undefined);
    if (given.length !== 1)
      throw new DomainError('contacts.invalid-search', 'Search by exactly one of name, email or phone', 'invalid', { field: 'name' });
    let filter: Filter;
    if (input.name !== undefined) {
      const prefix = foldName(input.name);
      if (!prefix)
        throw new DomainError('contacts.invalid-search', 'name: give at least one letter or digit', 'invalid', { field: 'name' });
      filter = { status: 'active', nameKeys: prefix.slice(0, 40) };
    } else if (input.email !== undefined) {
      filter = { status: 'active', emails: normaliseEmail(input.email, 'email') };
    } else {
      filter = {
        status: 'active',
        phones: normalisePhone(input.phone as string, input.defaultRegion ?? this.options.defaultPhoneRegion, 'phone'),
      };
    }
    const page = await this.directory.profiles(filter, {
      sort: { field: 'sortName', direction: 'asc' },
      limit: input.limit,
      after: input.cursor,
    });
    return { items: page.items.map(summary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
}

export function summary(doc: StoredDocument<CustomerProfileDocument>): CustomerSummary {
  const name = doc.status === 'erased' ? undefined : doc.profile.name;
  return { customerId: doc.customerId, displayName: displayName(name), emails: doc.emails, phones: doc.phones, version: doc.version };
}
