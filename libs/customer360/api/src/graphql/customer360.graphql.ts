import { ACCESS, graphqlCommand as command, graphqlQuery as read, type GraphqlOperations } from '@c360/runtime';

const oversee = { roles: ACCESS.oversee, filter: true };
const manage = { roles: ACCESS.manage };

/** The customer 360 read side and segments on the GraphQL gateway. */
export const CUSTOMER360_GRAPHQL: GraphqlOperations = [
  read(
    'customer360',
    'The one picture of a customer: profile, loyalty, open deals and tickets, the latest timeline entries',
    '/customers/:customerId/360',
  ),
  read(
    'customer360AsOf',
    "Auditors: the customer's 360 view as it was at `at` (an ISO time or a log position), rebuilt from the log; the read is recorded. `withPopulation` also ranks the customer (RFM) among everyone as they were then, folding the whole log",
    '/customers/:customerId/as-of',
    { roles: ['auditor'], params: { at: 'String', withPopulation: 'Boolean' } },
  ),
  read('customerTimeline', "The customer's unified timeline, newest first", '/customers/:customerId/timeline', {
    params: { limit: 'Int', after: 'String', from: 'String', to: 'String' },
    filter: true,
    connection: true,
  }),
  read('segments', 'Segments', '/segments', { filter: true }),
  read('segment', 'A segment and its rules', '/segments/:segmentId'),
  read('segmentMembers', "A segment's members", '/segments/:segmentId/members', { roles: ACCESS.jobs, filter: true, connection: true }),
  read('mostValuableCustomersReport', 'Customers ranked by value', '/reports/most-valuable-customers', oversee),
  read('retentionReport', 'Retention by cohort', '/reports/retention', oversee),
  read('rewardEffectivenessReport', 'Which rewards bring customers back', '/reports/reward-effectiveness', { roles: ACCESS.oversee }),
  read('teamPerformanceReport', 'Support and sales teams side by side', '/reports/team-performance', oversee),
  read('npsTrendReport', 'NPS over time', '/reports/nps-trend', oversee),
  command('defineSegment', 'Define a segment', 'POST', '/segments', manage),
  command('changeSegment', "Change a segment's rules", 'PUT', '/segments/:segmentId', manage),
  command('retireSegment', 'Retire a segment', 'DELETE', '/segments/:segmentId', { ...manage, input: false }),
];
