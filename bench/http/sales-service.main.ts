import { SalesModule } from '@c360/sales-api';
import { runService } from '@c360/runtime';

/**
 * The sales context alone, as a real service process: what `npm run bench -- http` drives while the
 * all-in-one platform cannot compile in this branch (contacts and loyalty are being migrated). Same
 * runtime, stores, processors, health and HTTP pipeline as `npm start`; only the context list differs.
 */
runService({ name: 'Sales bench service', modules: [SalesModule] });
