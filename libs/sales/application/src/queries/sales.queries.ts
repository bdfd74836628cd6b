import type {
  ActivityDocument,
  ContractDocument,
  DealDocument,
  OwnerPerformanceDocument,
  PipelineBoardView,
  PurchaseDocument,
} from '@c360/sales-projections';
import { ContextQuery } from '@c360/runtime';
import type { LoadedPipeline } from '../pipelines/pipeline.service';
import type { PageRequest, PageResponse } from './paging';
import type { DealFilter, LifetimeValue, RenewalDue } from './sales-queries.service';

/** The sales reads as QueryBus messages: REST, GraphQL and the CLI ask the same questions. */

export class ListPipelines extends ContextQuery<PageResponse<PipelineBoardView>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}

/** The pipeline's configuration and version (write-side truth). */
export class GetPipeline extends ContextQuery<LoadedPipeline> {
  constructor(readonly pipelineId: string) {
    super();
  }
}

/** The board now (read model), or as it stood at `asOf` (folded from the log). */
export class GetPipelineBoard extends ContextQuery<PipelineBoardView & { version?: number; asOf?: string }> {
  constructor(
    readonly pipelineId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

export class GetDeal extends ContextQuery<DealDocument> {
  constructor(readonly dealId: string) {
    super();
  }
}

export class ListDeals extends ContextQuery<PageResponse<DealDocument>> {
  constructor(
    readonly filter: DealFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListDealActivities extends ContextQuery<PageResponse<ActivityDocument>> {
  constructor(
    readonly dealId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListCustomerActivities extends ContextQuery<PageResponse<ActivityDocument>> {
  constructor(
    readonly customerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class GetPurchase extends ContextQuery<PurchaseDocument> {
  constructor(readonly purchaseId: string) {
    super();
  }
}

export class ListPurchaseHistory extends ContextQuery<PageResponse<PurchaseDocument>> {
  constructor(
    readonly customerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class GetLifetimeValue extends ContextQuery<LifetimeValue> {
  constructor(readonly customerId: string) {
    super();
  }
}

export class GetContract extends ContextQuery<ContractDocument> {
  constructor(readonly contractId: string) {
    super();
  }
}

export class ListRenewalsDue extends ContextQuery<PageResponse<RenewalDue>> {
  constructor(
    readonly window: { readonly from?: string; readonly to?: string },
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListOwners extends ContextQuery<PageResponse<OwnerPerformanceDocument>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}

export class GetOwnerPerformance extends ContextQuery<OwnerPerformanceDocument> {
  constructor(readonly ownerId: string) {
    super();
  }
}
