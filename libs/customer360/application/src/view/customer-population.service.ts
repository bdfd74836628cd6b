import type { DocumentStore } from '@c360/kernel';
import { CUSTOMER_FACTS, CUSTOMER_FACTS_COLLECTION, type CustomerFactsDocument } from '@c360/customer360-projections';
import { DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ReadPosition } from '../shared/read-position';
import { combineFacts, type CombinedFacts } from './combined-facts';

export interface PopulationMember {
  readonly customerId: string;
  readonly customerIds: readonly string[];
  readonly facts: CombinedFacts;
}

export interface Population {
  readonly members: readonly PopulationMember[];
  /** The position of the 360 facts this population reflects. */
  readonly position: number | null;
}

/**
 * Every customer as its survivor answers for it — what RFM quintiles, segments and reports are
 * computed over. One scan of the 360 facts, merged customers grouped under their survivor (through
 * `mergedInto`, followed in memory), kept until the projection moves on.
 */
@Injectable()
export class CustomerPopulation {
  private cached: Population | undefined;
  /** One scan at a time: concurrent callers of a moved population wait for the same one. */
  private scanning: Promise<Population> | undefined;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly position: ReadPosition,
  ) {}

  async current(): Promise<Population> {
    const position = await this.position.of(CUSTOMER_FACTS);
    if (this.cached && this.cached.position === position) return this.cached;
    const scanning = (this.scanning ??= this.build(position).finally(() => (this.scanning = undefined)));
    const population = await scanning;
    // A scan that began before the facts reached `position` is not enough for this caller.
    return (population.position ?? -1) >= (position ?? -1) ? population : this.current();
  }

  private async build(position: number | null): Promise<Population> {
    const docs = await this.scan();
    const byId = new Map(docs.map((doc) => [doc.customerId, doc]));
    const groups = new Map<string, CustomerFactsDocument[]>();
    for (const doc of docs) {
      const root = rootOf(doc, byId);
      const group = groups.get(root);
      if (group) group.push(doc);
      else groups.set(root, [doc]);
    }
    const members = [...groups.entries()]
      .filter(([root]) => byId.get(root)?.status !== 'merged')
      .map(([customerId, group]) => ({
        customerId,
        customerIds: group.map((doc) => doc.customerId),
        facts: combineFacts(customerId, group),
      }));
    const population = { members, position };
    if (!this.cached || (this.cached.position ?? -1) <= (position ?? -1)) this.cached = population;
    return population;
  }

  private async scan(): Promise<CustomerFactsDocument[]> {
    const docs: CustomerFactsDocument[] = [];
    let after: string | undefined;
    do {
      const page = await this.documents.find<CustomerFactsDocument>(CUSTOMER_FACTS_COLLECTION, {}, { limit: 1_000, after });
      docs.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return docs;
  }
}

function rootOf(doc: CustomerFactsDocument, byId: ReadonlyMap<string, CustomerFactsDocument>): string {
  let current = doc;
  for (let hop = 0; hop < 32 && current.status === 'merged' && current.mergedInto; hop++) {
    const next = byId.get(current.mergedInto);
    if (!next) return current.mergedInto;
    current = next;
  }
  return current.customerId;
}
