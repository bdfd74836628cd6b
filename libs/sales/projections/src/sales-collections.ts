import { projectionCollection } from '@c360/kernel';
import { contractRenewalsProjection } from './contract-renewals.projection';
import { customerValueProjection } from './customer-value.projection';
import { dealActivitiesProjection } from './deal-activities.projection';
import { dealViewProjection } from './deal-view.projection';
import { ownerPerformanceProjection } from './owner-performance.projection';
import { pipelineBoardProjection } from './pipeline-board.projection';
import { purchaseHistoryProjection } from './purchase-history.projection';

/** The collections queries read (each projection version writes its own). */
export const SALES_COLLECTIONS = {
  board: projectionCollection(pipelineBoardProjection),
  deals: projectionCollection(dealViewProjection),
  owners: projectionCollection(ownerPerformanceProjection),
  purchases: projectionCollection(purchaseHistoryProjection),
  customerValue: projectionCollection(customerValueProjection),
  contracts: projectionCollection(contractRenewalsProjection),
  activities: projectionCollection(dealActivitiesProjection),
} as const;
