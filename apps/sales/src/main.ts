import { SalesModule, salesContext } from '@c360/sales-api';
import { runService } from '@c360/runtime';

/** The sales service on its own: the same context definition the all-in-one platform runs. */
runService({ name: 'Sales service', modules: [SalesModule], settings: salesContext.settings });
