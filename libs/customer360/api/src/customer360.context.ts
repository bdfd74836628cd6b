import { CUSTOMER360_PROVIDERS } from '@c360/customer360-application';
import {
  customer360AliasesProjection,
  customerDealsProjection,
  customerFactsProjection,
  customerTicketsProjection,
  customerTimelineProjection,
  npsMonthsProjection,
  segmentDefinitionsProjection,
} from '@c360/customer360-projections';
import { segmentAggregate, customer360EventFields } from '@c360/customer360-domain';
import { combineTimelines } from '@c360/kernel';
import { defineContext, type ContextDefinition } from '@c360/runtime';
import type { Provider } from '@nestjs/common';
import { Customer360Controller } from './controllers/customer-360.controller';
import { CustomerPastController } from './controllers/customer-past.controller';
import { ReportsController } from './controllers/reports.controller';
import { SegmentsController } from './controllers/segments.controller';
import { CUSTOMER360_GRAPHQL } from './graphql/customer360.graphql';

/**
 * The customer 360 read side: the unified timeline, the 360 document, segments and reports, built
 * from the other contexts' shared-event contracts. It writes no business events; segment definitions are its one aggregate.
 * The timeline handles what the given contexts declare (`ContextDefinition.timeline`): a new context
 * plugs in by declaring its entries and being listed here by the platform, without touching this lib.
 * `pastViews` provides CUSTOMER_PAST_VIEWS (the auditors' as-of view, folded from the log by the replay
 * tooling, which this lib does not depend on): the composition gives it.
 */
export function customer360Context(sources: readonly ContextDefinition[], options: { readonly pastViews: Provider }): ContextDefinition {
  return defineContext({
    name: 'customer360',
    description: 'One picture of each customer: unified timeline, 360 document, segments and reports',
    // Segment definitions are commands: a versioned aggregate, the context's only writes.
    aggregates: [segmentAggregate],
    // Nothing personal is written here (every field classified plain); the protector this gives the
    // context opens other contexts' sealed text per request.
    eventFields: customer360EventFields,
    personalData: {},
    projections: [
      customerTimelineProjection(combineTimelines(sources.map((source) => source.timeline))),
      customerFactsProjection,
      customerDealsProjection,
      customerTicketsProjection,
      customer360AliasesProjection,
      segmentDefinitionsProjection,
      npsMonthsProjection,
    ],
    graphql: CUSTOMER360_GRAPHQL,
    controllers: [Customer360Controller, CustomerPastController, SegmentsController, ReportsController],
    providers: [...CUSTOMER360_PROVIDERS, options.pastViews],
  });
}
