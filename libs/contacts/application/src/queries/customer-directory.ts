import {
  customerAliasesProjection,
  customerConsentsProjection,
  customerProfileProjection,
  type CustomerAliasDocument,
  type CustomerConsentsDocument,
  type CustomerProfileDocument,
} from '@c360/contacts-projections';
import {
  projectionCheckpointName,
  projectionCollection,
  type DocumentStore,
  type Filter,
  type FindOptions,
  type Page,
  type StoredDocument,
} from '@c360/kernel';
import { DOCUMENT_STORE, ProcessorHost } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';

export const PROFILES = projectionCollection(customerProfileProjection);
export const CONSENTS = projectionCollection(customerConsentsProjection);
export const ALIASES = projectionCollection(customerAliasesProjection);
const PROFILES_CHECKPOINT = projectionCheckpointName('contacts', customerProfileProjection);

/** Read access to the contacts read models (never the event log) for queries. */
@Injectable()
export class CustomerDirectory {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly processors: ProcessorHost,
  ) {}

  profile(customerId: string): Promise<StoredDocument<CustomerProfileDocument> | null> {
    return this.documents.get<CustomerProfileDocument>(PROFILES, customerId);
  }

  profiles(filter: Filter, options: FindOptions): Promise<Page<CustomerProfileDocument>> {
    return this.documents.find<CustomerProfileDocument>(PROFILES, filter, options);
  }

  consents(customerId: string): Promise<StoredDocument<CustomerConsentsDocument> | null> {
    return this.documents.get<CustomerConsentsDocument>(CONSENTS, customerId);
  }

  /**
   * The customer an id answers to today: itself, or the survivor it was merged into (following
   * chains A → B → C). `path` lists the ids passed on the way.
   */
  async resolve(customerId: string): Promise<{ customerId: string; path: string[] }> {
    const path: string[] = [];
    let current = customerId;
    for (let hops = 0; hops < 50; hops++) {
      const alias = await this.documents.get<CustomerAliasDocument>(ALIASES, current);
      if (!alias || path.includes(alias.survivorId)) break;
      path.push(current);
      current = alias.survivorId;
    }
    return { customerId: current, path };
  }

  /** A code not found yet gets one bounded wait for the profiles: the referrer may have registered a moment ago. */
  async customerByReferralCode(code: string): Promise<string | undefined> {
    const byCode = async () =>
      (await this.documents.find<CustomerProfileDocument>(PROFILES, { referralCode: code }, { limit: 1 })).items[0]?.customerId;
    const found = await byCode();
    if (found) return found;
    await this.processors.catchUpToHead(PROFILES_CHECKPOINT);
    return byCode();
  }
}
