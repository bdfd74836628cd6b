import { ACCESS, graphqlCommand, graphqlQuery, type GraphqlOperations } from '@c360/runtime';

const read = graphqlQuery;
const command = graphqlCommand;

/** Sales on the GraphQL gateway: each field is answered by the sales route named beside it. */
export const SALES_GRAPHQL: GraphqlOperations = [
  read('deals', 'Deals (filter: pipelineId, stageId, ownerId, customerId, status, limit, after)', '/deals', {
    filter: true,
    connection: true,
  }),
  read('deal', 'A deal as it now is', '/deals/:dealId'),
  read('dealActivities', "A deal's logged activities", '/deals/:dealId/activities', { filter: true, connection: true }),
  read('pipelines', 'Pipelines', '/pipelines', { filter: true }),
  read('pipeline', 'A pipeline with its stages', '/pipelines/:pipelineId'),
  read('pipelineBoard', "The pipeline board: each stage's open deals and totals", '/pipelines/:pipelineId/board', { filter: true }),
  read('contract', 'A contract', '/contracts/:contractId'),
  read('contractRenewalsDue', 'Contracts due for renewal (filter: within, limit, after)', '/contracts/renewals-due', { filter: true }),
  read('purchase', 'An order (purchase) with its refunds', '/purchases/:purchaseId'),
  read('purchaseByOrder', 'An order by its channel and order id', '/purchases/by-order/:channel/:orderId'),
  read('customerOrders', "A customer's orders (purchases)", '/customers/:customerId/purchases', { filter: true, connection: true }),
  read('customerLifetimeValue', "A customer's lifetime value", '/customers/:customerId/lifetime-value'),
  read('customerDealActivities', "Activities on a customer's deals", '/customers/:customerId/deal-activities', {
    filter: true,
    connection: true,
  }),
  read('ownerPerformance', 'Deal owners ranked by won value', '/owner-performance', { filter: true }),
  read('ownerPerformanceOf', "One owner's performance", '/owner-performance/:ownerId'),
  command('openDeal', 'Open a deal', 'POST', '/deals'),
  command('moveDeal', 'Move a deal to another stage', 'POST', '/deals/:dealId/move'),
  command('winDeal', 'Win a deal', 'POST', '/deals/:dealId/win'),
  command('loseDeal', 'Lose a deal (with a reason)', 'POST', '/deals/:dealId/lose'),
  command('reopenDeal', 'Reopen a won or lost deal', 'POST', '/deals/:dealId/reopen'),
  command('changeDealAmount', 'Change the amount', 'PUT', '/deals/:dealId/amount'),
  command('changeDealOwner', 'Change the owner', 'PUT', '/deals/:dealId/owner'),
  command('changeDealProbability', 'Change the probability', 'PUT', '/deals/:dealId/probability'),
  command('changeDealExpectedCloseDate', 'Change the expected close date', 'PUT', '/deals/:dealId/expected-close-date'),
  command('logDealActivity', 'Log an activity (call, meeting, email) on a deal', 'POST', '/deals/:dealId/activities'),
  command('definePipeline', 'Define a pipeline', 'POST', '/pipelines'),
  command('renamePipeline', 'Rename a pipeline', 'PUT', '/pipelines/:pipelineId/name'),
  command('addPipelineStage', 'Add a stage', 'POST', '/pipelines/:pipelineId/stages'),
  command('changePipelineStage', 'Change a stage', 'PATCH', '/pipelines/:pipelineId/stages/:stageId'),
  command('reorderPipelineStages', 'Reorder the stages', 'PUT', '/pipelines/:pipelineId/stage-order'),
  command('retirePipelineStage', 'Retire a stage', 'POST', '/pipelines/:pipelineId/stages/:stageId/retirement', { input: false }),
  command('startContract', 'Start a contract', 'POST', '/contracts'),
  command('renewContract', 'Renew a contract', 'POST', '/contracts/:contractId/renewal'),
  command('lapseContract', 'Let a contract lapse', 'POST', '/contracts/:contractId/lapse'),
  command('recordOrder', 'Record an order (purchase) from a channel', 'POST', '/purchases', { roles: ACCESS.feed, expectsVersion: false }),
  command('refundOrder', 'Refund an order, in whole or in part', 'POST', '/purchases/:purchaseId/refunds', { roles: ACCESS.feed }),
];
