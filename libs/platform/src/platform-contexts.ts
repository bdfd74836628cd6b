import { contactsContext } from '@c360/contacts-api';
import { customer360Context } from '@c360/customer360-api';
import { loyaltyContext } from '@c360/loyalty-api';
import { RelayModule } from '@c360/relay';
import { ReplayAdminModule, replayCustomerPastViews } from '@c360/replay';
import { ContextModule, type ContextDefinition, type ServiceModules } from '@c360/runtime';
import { salesContext } from '@c360/sales-api';
import { surveysContext } from '@c360/surveys-api';
import { ticketsContext } from '@c360/tickets-api';

/** The contexts that write the log; the customer 360 read side gathers their timeline declarations. */
const writingContexts: readonly ContextDefinition[] = [contactsContext, salesContext, ticketsContext, loyaltyContext, surveysContext];

/**
 * The bounded contexts the all-in-one platform runs: adding a context is one line here. Replay
 * tooling, the gateway and the docs walk the same list.
 */
export const platformContexts: readonly ContextDefinition[] = [
  ...writingContexts,
  // The auditors' as-of views fold the customer 360 projections of this very list.
  customer360Context(writingContexts, { pastViews: replayCustomerPastViews(() => platformContexts) }),
];

/** Every context's module, and the relay publishing what their definitions say they publish. */
export function platformModules(contexts: readonly ContextDefinition[] = platformContexts): ServiceModules {
  return [
    ...contexts.map((context) => ContextModule.register(context)),
    RelayModule.forContracts(contexts.flatMap((context) => context.publishes ?? [])),
    // Rebuilds inside the process that runs the projectors (the switch-over is then safe on any store).
    ReplayAdminModule.forContexts(() => contexts),
  ];
}
