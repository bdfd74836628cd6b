import { CONTACTS_INTEGRATION_EVENTS } from '@c360/contacts-contracts';
import { LOYALTY_INTEGRATION_EVENTS } from '@c360/loyalty-contracts';
import { RelayModule } from '@c360/relay';
import { runService } from '@c360/runtime';
import { SALES_INTEGRATION_EVENTS } from '@c360/sales-contracts';
import { SURVEYS_INTEGRATION_EVENTS } from '@c360/surveys-contracts';
import { TICKETS_INTEGRATION_EVENTS } from '@c360/tickets-contracts';

/**
 * The relay on its own: every context's integration events from the log to Kafka (or topic files), at
 * least once. The same list as the platform's contexts publish: with C360_PROCESSOR_LEASES=on this
 * process and the processors' relay share one checkpoint and one lease, so they must publish alike.
 */
runService({
  name: 'Relay',
  modules: [
    RelayModule.forContracts([
      ...CONTACTS_INTEGRATION_EVENTS,
      ...SALES_INTEGRATION_EVENTS,
      ...TICKETS_INTEGRATION_EVENTS,
      ...LOYALTY_INTEGRATION_EVENTS,
      ...SURVEYS_INTEGRATION_EVENTS,
    ]),
  ],
});
