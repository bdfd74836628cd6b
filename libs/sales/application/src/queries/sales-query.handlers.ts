import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { PipelineService } from '../pipelines/pipeline.service';
import { PipelineHistory } from './pipeline-history.service';
import { SalesQueries } from './sales-queries.service';
import {
  GetContract,
  GetDeal,
  GetLifetimeValue,
  GetOwnerPerformance,
  GetPipeline,
  GetPipelineBoard,
  GetPurchase,
  ListCustomerActivities,
  ListDealActivities,
  ListDeals,
  ListOwners,
  ListPipelines,
  ListPurchaseHistory,
  ListRenewalsDue,
} from './sales.queries';

@HandlesQuery(ListPipelines)
export class ListPipelinesHandler implements IQueryHandler<ListPipelines> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListPipelines) {
    return this.queries.listPipelines(query.page);
  }
}

@HandlesQuery(GetPipeline)
export class GetPipelineHandler implements IQueryHandler<GetPipeline> {
  constructor(private readonly pipelines: PipelineService) {}
  execute(query: GetPipeline) {
    return this.pipelines.load(query.pipelineId);
  }
}

@HandlesQuery(GetPipelineBoard)
export class GetPipelineBoardHandler implements IQueryHandler<GetPipelineBoard> {
  constructor(
    private readonly queries: SalesQueries,
    private readonly history: PipelineHistory,
  ) {}
  execute(query: GetPipelineBoard) {
    return query.asOf === undefined ? this.queries.board(query.pipelineId) : this.history.boardAsOf(query.pipelineId, query.asOf);
  }
}

@HandlesQuery(GetDeal)
export class GetDealHandler implements IQueryHandler<GetDeal> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: GetDeal) {
    return this.queries.deal(query.dealId);
  }
}

@HandlesQuery(ListDeals)
export class ListDealsHandler implements IQueryHandler<ListDeals> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListDeals) {
    return this.queries.deals(query.filter, query.page);
  }
}

@HandlesQuery(ListDealActivities)
export class ListDealActivitiesHandler implements IQueryHandler<ListDealActivities> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListDealActivities) {
    return this.queries.dealActivities(query.dealId, query.page);
  }
}

@HandlesQuery(ListCustomerActivities)
export class ListCustomerActivitiesHandler implements IQueryHandler<ListCustomerActivities> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListCustomerActivities) {
    return this.queries.customerActivities(query.customerId, query.page);
  }
}

@HandlesQuery(GetPurchase)
export class GetPurchaseHandler implements IQueryHandler<GetPurchase> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: GetPurchase) {
    return this.queries.purchase(query.purchaseId);
  }
}

@HandlesQuery(ListPurchaseHistory)
export class ListPurchaseHistoryHandler implements IQueryHandler<ListPurchaseHistory> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListPurchaseHistory) {
    return this.queries.purchaseHistory(query.customerId, query.page);
  }
}

@HandlesQuery(GetLifetimeValue)
export class GetLifetimeValueHandler implements IQueryHandler<GetLifetimeValue> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: GetLifetimeValue) {
    return this.queries.lifetimeValue(query.customerId);
  }
}

@HandlesQuery(GetContract)
export class GetContractHandler implements IQueryHandler<GetContract> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: GetContract) {
    return this.queries.contract(query.contractId);
  }
}

@HandlesQuery(ListRenewalsDue)
export class ListRenewalsDueHandler implements IQueryHandler<ListRenewalsDue> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListRenewalsDue) {
    return this.queries.renewalsDue(query.window, query.page);
  }
}

@HandlesQuery(ListOwners)
export class ListOwnersHandler implements IQueryHandler<ListOwners> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: ListOwners) {
    return this.queries.owners(query.page);
  }
}

@HandlesQuery(GetOwnerPerformance)
export class GetOwnerPerformanceHandler implements IQueryHandler<GetOwnerPerformance> {
  constructor(private readonly queries: SalesQueries) {}
  execute(query: GetOwnerPerformance) {
    return this.queries.ownerPerformance(query.ownerId);
  }
}

export const SALES_QUERY_HANDLERS = [
  ListPipelinesHandler,
  GetPipelineHandler,
  GetPipelineBoardHandler,
  GetDealHandler,
  ListDealsHandler,
  ListDealActivitiesHandler,
  ListCustomerActivitiesHandler,
  GetPurchaseHandler,
  ListPurchaseHistoryHandler,
  GetLifetimeValueHandler,
  GetContractHandler,
  ListRenewalsDueHandler,
  ListOwnersHandler,
  GetOwnerPerformanceHandler,
];
