import { platformContexts } from '@c360/platform';
import { ContextModule, runService } from '@c360/runtime';

/**
 * The customer 360 read side on its own: the unified timeline, the 360 document, segments, reports and
 * the auditors' as-of views, over the timeline declarations of the contexts that write the log (the
 * platform's list, libs/platform). In distributed mode it runs with C360_ROLE=api beside the processors
 * that build its read models.
 */
const customer360 = platformContexts.find((context) => context.name === 'customer360');
if (!customer360) throw new Error('The platform lists no customer360 context');

runService({
  name: 'Customer 360 service',
  modules: [ContextModule.register(customer360)],
});
