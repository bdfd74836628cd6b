import type { DomainEvent } from '../envelope/event-envelope';
import type { DocumentStore } from '../ports/document-store.port';
import { projectionCollection, type DocumentProjection, type EnvelopeOf } from '../projections/document-projection';

/**
 * The follow-the-merge rule, written once for every customer-keyed read model (ADR 0014).
 *
 * A read model keeps its documents under the customer id the event named — a merge never rewrites
 * them, so an undo has nothing to take apart. Beside it, the context runs an alias projection (this
 * factory, fed by the merge events of the contacts contract) and its queries resolve the customer
 * through `CustomerAliases`: the survivor answers for itself and for every customer merged into it.
 * An undo removes the alias, and the absorbed customer's documents stand on their own again.
 */
export interface CustomerAliasDocument {
  /** The absorbed customer. */
  readonly customerId: string;
  readonly survivorId: string;
  readonly mergeId: string;
  readonly mergedAt: string;
}

/** What the alias projection needs from a merge event or its undo. */
export type MergeFact =
  | { readonly kind: 'merged'; readonly mergeId: string; readonly survivorId: string; readonly absorbedId: string; readonly at: string }
  | { readonly kind: 'undone'; readonly mergeId: string; readonly absorbedId: string };

export function customerAliasProjection<TEvent extends DomainEvent>(options: {
  /** `sales-customer-aliases`: each context keeps its own collection and checkpoint. */
  readonly name: string;
  readonly version?: number;
  readonly handles: readonly TEvent['type'][];
  readonly fact: (event: EnvelopeOf<TEvent>) => MergeFact;
}): DocumentProjection<CustomerAliasDocument, TEvent> {
  return {
    name: options.name,
    version: options.version ?? 1,
    handles: options.handles,
    indexes: [{ fields: ['survivorId'] }],
    // An undo is on both customers' streams: both copies name the same absorbed customer, the second is a no-op.
    documentIds: (event) => [options.fact(event).absorbedId],
    evolve(doc, event) {
      const fact = options.fact(event);
      if (fact.kind === 'merged') {
        return { customerId: fact.absorbedId, survivorId: fact.survivorId, mergeId: fact.mergeId, mergedAt: fact.at };
      }
      return doc?.mergeId === fact.mergeId ? null : doc;
    },
  };
}

/** A customer as its survivor answers for it: the survivor and every id merged into it (survivor first). */
export interface ResolvedCustomer {
  readonly requestedId: string;
  readonly survivorId: string;
  readonly customerIds: readonly string[];
}

/** Chains (A into B, then B into C) are followed; a cycle cannot happen (a survivor is active), the cap is a guard. */
const MAX_CHAIN = 32;

export class CustomerAliases {
  private readonly collection: string;

  constructor(
    private readonly documents: DocumentStore,
    projection: Pick<DocumentProjection, 'name' | 'version'>,
  ) {
    this.collection = projectionCollection(projection);
  }

  async survivorOf(customerId: string): Promise<string> {
    let current = customerId;
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
      const alias = await this.documents.get<CustomerAliasDocument>(this.collection, current);
      if (!alias) return current;
      current = alias.survivorId;
    }
    throw new Error(`Merge chain from ${customerId} is longer than ${MAX_CHAIN}`);
  }

  async resolve(customerId: string): Promise<ResolvedCustomer> {
    const survivorId = await this.survivorOf(customerId);
    const customerIds = [survivorId];
    let frontier = [survivorId];
    for (let depth = 0; frontier.length > 0 && depth < MAX_CHAIN; depth++) {
      const next: string[] = [];
      for (const survivor of frontier) {
        let after: string | undefined;
        do {
          // A one-value range rather than equality: it stays on the survivorId index in every adapter
          // (the embedded store reads equality as "equal, or an array holding it", which no index serves).
          const page = await this.documents.find<CustomerAliasDocument>(
            this.collection,
            { survivorId: { $gte: survivor, $lte: survivor } },
            { limit: 1_000, after },
          );
          next.push(...page.items.map((alias) => alias.customerId));
          after = page.nextCursor;
        } while (after);
      }
      customerIds.push(...next);
      frontier = next;
    }
    return { requestedId: customerId, survivorId, customerIds };
  }
}
