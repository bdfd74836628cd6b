import { CONTACTS_INTEGRATION_EVENTS } from '@c360/contacts-contracts';
import { LOYALTY_INTEGRATION_EVENTS } from '@c360/loyalty-contracts';
import { RelayModule } from '@c360/relay';
import { runService } from '@c360/runtime';
import { SALES_INTEGRATION_EVENTS } from '@c360/sales-contracts';

/** The relay on its own: every context's integration events from the log to Kafka (or topic files), at least once. */
runService({
  name: 'Relay',
  modules: [RelayModule.forContracts([...CONTACTS_INTEGRATION_EVENTS, ...SALES_INTEGRATION_EVENTS, ...LOYALTY_INTEGRATION_EVENTS])],
});
