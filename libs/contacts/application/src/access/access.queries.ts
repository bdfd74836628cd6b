import { ContextQuery } from '@c360/runtime';
import type { CustomerExport } from './customer-export.service';

/** Right of access: everything held about the customer (its events included: this is not a command result). */
export class ExportCustomer extends ContextQuery<CustomerExport> {
  constructor(readonly customerId: string) {
    super();
  }
}
