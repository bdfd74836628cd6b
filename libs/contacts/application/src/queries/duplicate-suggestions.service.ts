import { SIMILAR_NAME_THRESHOLD, displayName, foldName, nameSimilarity } from '@c360/contacts-domain';
import type { CustomerProfileDocument } from '@c360/contacts-projections';
import { DomainError, type Filter, type StoredDocument } from '@c360/kernel';
import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from './customer-directory';

export interface DuplicateSuggestion {
  readonly customerId: string;
  readonly displayName: string;
  /** `same-email`, `same-phone`, `similar-name`, `flagged` (recorded at registration). */
  readonly reasons: readonly string[];
  /** Similarity of the names from 0 to 1. */
  readonly nameSimilarity: number;
}

export interface DuplicateSuggestions {
  readonly customerId: string;
  readonly suggestions: readonly DuplicateSuggestion[];
}

const CANDIDATES_PER_QUERY = 50;

/**
 * Possible duplicates of a customer, from the profile read model: customers who gave one of its
 * e-mails or phones (or whose identity it gave), customers flagged at registration, and customers
 * with a similar name (sharing a name word, then scored by Jaro–Winkler on the folded words, in order).
 */
@Injectable()
export class DuplicateSuggestionService {
  constructor(private readonly directory: CustomerDirectory) {}

  async suggest(customerId: string): Promise<DuplicateSuggestions> {
    const doc = await this.directory.profile(customerId);
    if (!doc) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    if (doc.status !== 'active') return { customerId, suggestions: [] };
    const reasons = new Map<string, Set<string>>();
    const candidates = new Map<string, StoredDocument<CustomerProfileDocument>>();
    const note = (other: StoredDocument<CustomerProfileDocument>, reason: string) => {
      if (other.customerId === customerId || other.status !== 'active') return;
      candidates.set(other.customerId, other);
      reasons.set(other.customerId, (reasons.get(other.customerId) ?? new Set()).add(reason));
    };
    const lookup = async (filter: Filter, reason: string | ((other: StoredDocument<CustomerProfileDocument>) => string | undefined)) => {
      const page = await this.directory.profiles({ status: 'active', ...filter }, { limit: CANDIDATES_PER_QUERY });
      for (const other of page.items) {
        const why = typeof reason === 'string' ? reason : reason(other);
        if (why) note(other, why);
      }
    };

    for (const email of doc.emails) await lookup({ contested: email }, 'same-email');
    for (const phone of doc.phones) await lookup({ contested: phone }, 'same-phone');
    for (const value of doc.contested) {
      await lookup({ emails: value }, 'same-email');
      await lookup({ phones: value }, 'same-phone');
    }
    for (const flagged of doc.suspectedDuplicates) {
      const other = await this.directory.profile(flagged.otherCustomerId);
      if (other) note(other, 'flagged');
    }
    const ownName = displayName(doc.profile.name);
    for (const word of new Set(
      foldName(ownName)
        .split(' ')
        .filter((w) => w.length >= 2),
    )) {
      await lookup({ nameKeys: word }, (other) =>
        nameSimilarity(ownName, displayName(other.status === 'active' ? other.profile.name : undefined)) >= SIMILAR_NAME_THRESHOLD
          ? 'similar-name'
          : undefined,
      );
    }

    const suggestions = [...candidates.values()].map((other) => {
      const otherName = displayName(other.status === 'active' ? other.profile.name : undefined);
      return {
        customerId: other.customerId,
        displayName: otherName,
        reasons: [...(reasons.get(other.customerId) ?? [])].sort(),
        nameSimilarity: ownName && otherName ? Math.round(nameSimilarity(ownName, otherName) * 100) / 100 : 0,
      };
    });
    suggestions.sort(
      (a, b) => b.reasons.length - a.reasons.length || b.nameSimilarity - a.nameSimilarity || a.customerId.localeCompare(b.customerId),
    );
    return { customerId, suggestions };
  }
}
