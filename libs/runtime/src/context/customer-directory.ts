import { DomainError, projectionCheckpointName, projectionCollection, type CustomerDirectoryEntry, type DocumentStore } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_STORE } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import type { ContextDefinition } from './context-definition';
import { CONTEXT_DEFINITION } from './context.tokens';

/**
 * "Customers that exist" (ADR 0013): a context that declares `customerDirectory` refuses every
 * command naming an unknown customer (404 `customer-not-found`) or an erased one (409
 * `customer-erased`). An id not yet in the directory gets one bounded wait for the directory's
 * projection to reach the log's head — the position of any registration that was acknowledged before
 * this command — so a customer registered a moment earlier is accepted.
 */
@Injectable()
export class CustomerDirectory {
  private readonly collection: string;
  private readonly checkpoint: string;

  constructor(
    @Inject(CONTEXT_DEFINITION) private readonly definition: ContextDefinition,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly processors: ProcessorHost,
  ) {
    const projection = definition.customerDirectory;
    if (!projection) throw new Error(`Context ${definition.name} declares no customerDirectory`);
    this.collection = projectionCollection(projection);
    this.checkpoint = projectionCheckpointName(definition.name, projection);
  }

  /** The customer's entry; throws 404 for an unknown id and 409 for an erased one. `field` names the request field. */
  async require(customerId: string, field = 'customerId'): Promise<CustomerDirectoryEntry> {
    const entry =
      (await this.documents.get<CustomerDirectoryEntry>(this.collection, customerId)) ?? (await this.afterCatchingUp(customerId));
    if (!entry) {
      throw new DomainError('customer-not-found', `No customer ${customerId} is registered`, 'not-found', { customerId, field });
    }
    if (entry.status === 'erased') {
      throw new DomainError('customer-erased', `Customer ${customerId} was erased`, 'conflict', { customerId, field });
    }
    return entry;
  }

  private async afterCatchingUp(customerId: string): Promise<CustomerDirectoryEntry | null> {
    await this.processors.catchUpToHead(this.checkpoint);
    return this.documents.get<CustomerDirectoryEntry>(this.collection, customerId);
  }
}
