import { contactsContext } from '@c360/contacts-api';
import { loyaltyContext } from '@c360/loyalty-api';
import { RelayModule } from '@c360/relay';
import { ContextModule, type ContextDefinition, type ServiceModules } from '@c360/runtime';
import { salesContext } from '@c360/sales-api';
import { ticketsContext } from '@c360/tickets-api';

/**
 * The bounded contexts the all-in-one platform runs: adding a context is one line here. Replay
 * tooling, the gateway and the docs walk the same list.
 */
export const platformContexts: readonly ContextDefinition[] = [contactsContext, salesContext, ticketsContext, loyaltyContext];

/** Every context's module, and the relay publishing what their definitions say they publish. */
export function platformModules(contexts: readonly ContextDefinition[] = platformContexts): ServiceModules {
  return [
    ...contexts.map((context) => ContextModule.register(context)),
    RelayModule.forContracts(contexts.flatMap((context) => context.publishes ?? [])),
  ];
}
