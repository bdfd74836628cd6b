import { CustomerAliases, type DocumentStore, type ResolvedCustomer } from '@c360/kernel';
import { customer360AliasesProjection } from '@c360/customer360-projections';
import { DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';

/** Follows merges for every read of this context: the survivor answers for itself and its absorbed ids. */
@Injectable()
export class CustomerResolver {
  private readonly aliases: CustomerAliases;

  constructor(@Inject(DOCUMENT_STORE) documents: DocumentStore) {
    this.aliases = new CustomerAliases(documents, customer360AliasesProjection);
  }

  resolve(customerId: string): Promise<ResolvedCustomer> {
    return this.aliases.resolve(customerId);
  }
}
