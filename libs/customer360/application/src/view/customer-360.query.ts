import { ContextQuery, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { Customer360Reader } from './customer-360-reader.service';
import type { Customer360View } from './customer-360.view';

/** The 360 document of a customer (a merged-away id answers with its survivor's). */
export class GetCustomer360 extends ContextQuery<Customer360View> {
  constructor(readonly customerId: string) {
    super();
  }
}

@HandlesQuery(GetCustomer360)
export class GetCustomer360Handler implements IQueryHandler<GetCustomer360, Customer360View> {
  constructor(private readonly reader: Customer360Reader) {}
  execute(query: GetCustomer360): Promise<Customer360View> {
    return this.reader.view(query.customerId);
  }
}
