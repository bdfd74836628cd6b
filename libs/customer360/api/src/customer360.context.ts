import { CUSTOMER360_PROVIDERS } from '@c360/customer360-application';
import {
  customer360AliasesProjection,
  customerDealsProjection,
  customerFactsProjection,
  customerTimelineProjection,
} from '@c360/customer360-projections';
import { combineTimelines } from '@c360/kernel';
import { defineContext, type ContextDefinition } from '@c360/runtime';
import { Customer360Controller } from './controllers/customer-360.controller';

/**
 * The customer 360 read side: the unified timeline, the 360 document, segments and reports, built
 * from the other contexts' shared-event contracts. It writes no events of its own (segments aside).
 * The timeline handles what the given contexts declare (`ContextDefinition.timeline`): a new context
 * plugs in by declaring its entries and being listed here by the platform, without touching this lib.
 */
export function customer360Context(sources: readonly ContextDefinition[]): ContextDefinition {
  return defineContext({
    name: 'customer360',
    description: 'One picture of each customer: unified timeline, 360 document, segments and reports',
    aggregates: [],
    // Nothing personal is written here; the protector opens other contexts' sealed text per request.
    personalData: {},
    projections: [
      customerTimelineProjection(combineTimelines(sources.map((source) => source.timeline))),
      customerFactsProjection,
      customerDealsProjection,
      customer360AliasesProjection,
    ],
    controllers: [Customer360Controller],
    providers: CUSTOMER360_PROVIDERS,
  });
}
