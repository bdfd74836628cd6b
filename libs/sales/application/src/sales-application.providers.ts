import { ContractService } from './contracts/contract.service';
import { LapseContractHandler, RenewContractHandler, StartContractHandler } from './contracts/contract-command.handlers';
import { ChangeDealHandler, ChangeDealStageHandler, LogDealActivityHandler, OpenDealHandler } from './deals/deal-command.handlers';
import { DealService } from './deals/deal.service';
import { ChangePipelineHandler, DefinePipelineHandler } from './pipelines/pipeline-command.handlers';
import { EnsureDefaultPipeline } from './pipelines/ensure-default-pipeline';
import { PipelineService } from './pipelines/pipeline.service';
import { RecordPurchaseHandler, RefundPurchaseHandler } from './purchases/purchase-command.handlers';
import { PurchaseService } from './purchases/purchase.service';
import { PipelineHistory } from './queries/pipeline-history.service';
import { SALES_QUERY_HANDLERS } from './queries/sales-query.handlers';
import { SalesQueries } from './queries/sales-queries.service';

/** The services behind the use cases (load → decide → append through the context's CommandHandler). */
const SALES_SERVICES = [PipelineService, DealService, PurchaseService, ContractService, SalesQueries, PipelineHistory];

const SALES_COMMAND_HANDLERS = [
  DefinePipelineHandler,
  ChangePipelineHandler,
  OpenDealHandler,
  ChangeDealStageHandler,
  ChangeDealHandler,
  LogDealActivityHandler,
  RecordPurchaseHandler,
  RefundPurchaseHandler,
  StartContractHandler,
  RenewContractHandler,
  LapseContractHandler,
];

/** Everything the sales definition provides: services, CQRS command and query handlers, start-up hooks. */
export const SALES_PROVIDERS = [...SALES_SERVICES, ...SALES_COMMAND_HANDLERS, ...SALES_QUERY_HANDLERS, EnsureDefaultPipeline];
