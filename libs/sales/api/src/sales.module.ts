import type { DocumentStore } from '@c360/kernel';
import { DealWonPurchaseRecorder, PipelineService, SALES_SERVICES, salesApplicationProviders } from '@c360/sales-application';
import {
  SALES_COLLECTIONS,
  contractRenewalsProjection,
  customerValueProjection,
  dealActivitiesProjection,
  dealViewProjection,
  ownerPerformanceProjection,
  pipelineBoardProjection,
  purchaseHistoryProjection,
} from '@c360/sales-projections';
import { DOCUMENT_STORE, ProcessorHost } from '@c360/runtime';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ContractsController } from './controllers/contracts.controller';
import { DealsController } from './controllers/deals.controller';
import { PipelinesController } from './controllers/pipelines.controller';
import { PurchasesController } from './controllers/purchases.controller';
import { SalesReportsController } from './controllers/sales-reports.controller';

/**
 * The sales bounded context: pipelines and deals, purchases and refunds, contracts and renewals, their
 * read models and the won-deal → purchase reaction. The all-in-one platform and apps/sales import it.
 */
@Module({
  controllers: [PipelinesController, DealsController, PurchasesController, ContractsController, SalesReportsController],
  providers: salesApplicationProviders,
  exports: SALES_SERVICES,
})
export class SalesModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly dealWonPurchases: DealWonPurchaseRecorder,
    private readonly pipelines: PipelineService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Indexes for the queries' filters and sort orders (idempotent).
    await this.documents.ensureIndex(SALES_COLLECTIONS.deals, { fields: ['pipelineId', 'stageId', 'openedAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.deals, { fields: ['ownerId', 'openedAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.deals, { fields: ['customerId', 'openedAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.purchases, { fields: ['customerId', 'purchasedAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.contracts, { fields: ['status', 'renewalDate'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.activities, { fields: ['dealId', 'activityAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.activities, { fields: ['customerId', 'activityAt'] });
    await this.documents.ensureIndex(SALES_COLLECTIONS.owners, { fields: ['won'] });
    this.processors.registerProjection(pipelineBoardProjection);
    this.processors.registerProjection(dealViewProjection);
    this.processors.registerProjection(ownerPerformanceProjection);
    this.processors.registerProjection(purchaseHistoryProjection);
    this.processors.registerProjection(customerValueProjection);
    this.processors.registerProjection(contractRenewalsProjection);
    // Activities stay sealed in their read model (no revealing processor): the query opens them.
    this.processors.registerProjection(dealActivitiesProjection);
    this.processors.register(this.dealWonPurchases);
  }

  /**
   * The default pipeline exists from the first start, so lists and boards show it at once. Idempotent
   * across processes and restarts; if the store is unavailable now, first use defines it instead.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.pipelines.ensureDefault().catch((error: unknown) => {
      new Logger('Sales').warn(`Default pipeline not ensured at start-up (it will be on first use): ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
