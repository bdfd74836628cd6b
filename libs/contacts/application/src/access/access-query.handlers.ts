import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { ExportCustomer } from './access.queries';
import { CustomerExportService, type CustomerExport } from './customer-export.service';

@HandlesQuery(ExportCustomer)
export class ExportCustomerHandler implements IQueryHandler<ExportCustomer, CustomerExport> {
  constructor(private readonly exports: CustomerExportService) {}

  execute(query: ExportCustomer): Promise<CustomerExport> {
    return this.exports.execute(query.customerId);
  }
}

export const ACCESS_QUERY_HANDLERS = [ExportCustomerHandler];
