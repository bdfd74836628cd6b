import { customerDirectoryProjection } from '@c360/contacts-contracts';
import { SALES_INTEGRATION_EVENTS, SALES_TIMELINE } from '@c360/sales-contracts';
import { SALES_PROVIDERS, EnsureDefaultPipeline, SalesAccessExport, dealWonPurchases } from '@c360/sales-application';
import { contractAggregate, dealAggregate, pipelineAggregate, purchaseAggregate, salesEventFields } from '@c360/sales-domain';
import {
  contractRenewalsProjection,
  customerValueProjection,
  dealActivitiesProjection,
  dealViewProjection,
  ownerPerformanceProjection,
  pipelineBoardProjection,
  purchaseHistoryProjection,
  salesCustomerAliasesProjection,
} from '@c360/sales-projections';
import { ContextModule, defineContext } from '@c360/runtime';
import { ContractsController } from './controllers/contracts.controller';
import { DealsController } from './controllers/deals.controller';
import { PipelinesController } from './controllers/pipelines.controller';
import { PurchasesController } from './controllers/purchases.controller';
import { SalesReportsController } from './controllers/sales-reports.controller';
import { SALES_GRAPHQL } from './graphql/sales.graphql';

/**
 * The sales bounded context, in one place: pipelines and deals, purchases and refunds, contracts and
 * renewals; activity notes sealed with the customer's key; the read models with their indexes; the
 * won-deal → purchase workflow; the REST API. The all-in-one platform and apps/sales both run it.
 */
export const salesContext = defineContext({
  name: 'sales',
  description: 'Pipelines and deals, purchases and refunds, contracts and renewals, forecast',
  aggregates: [pipelineAggregate, dealAggregate, purchaseAggregate, contractAggregate],
  eventFields: salesEventFields,
  customerDirectory: customerDirectoryProjection('sales'),
  projections: [
    pipelineBoardProjection,
    dealViewProjection,
    ownerPerformanceProjection,
    purchaseHistoryProjection,
    customerValueProjection,
    contractRenewalsProjection,
    // Activities stay sealed in their read model (it does not read personal data): the query opens them.
    dealActivitiesProjection,
    // Merged customers' purchases follow their survivor.
    salesCustomerAliasesProjection,
  ],
  workflows: [dealWonPurchases],
  accessExport: SalesAccessExport,
  publishes: SALES_INTEGRATION_EVENTS,
  // How its events read on the customer 360 timeline.
  timeline: SALES_TIMELINE,
  graphql: SALES_GRAPHQL,
  controllers: [PipelinesController, DealsController, PurchasesController, ContractsController, SalesReportsController],
  providers: SALES_PROVIDERS,
  onStart: [EnsureDefaultPipeline],
});

export const SalesModule = ContextModule.register(salesContext);
