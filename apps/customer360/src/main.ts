import { contactsContext } from '@c360/contacts-api';
import { customer360Context } from '@c360/customer360-api';
import { loyaltyContext } from '@c360/loyalty-api';
import { ContextModule, runService } from '@c360/runtime';
import { salesContext } from '@c360/sales-api';
import { ticketsContext } from '@c360/tickets-api';

/**
 * The customer 360 read side on its own: the unified timeline, the 360 document, segments and reports,
 * over the timeline declarations of the contexts that write the log (the platform's list, apps/platform).
 * In distributed mode it runs with C360_ROLE=api beside the processors that build its read models.
 */
runService({
  name: 'Customer 360 service',
  modules: [ContextModule.register(customer360Context([contactsContext, salesContext, ticketsContext, loyaltyContext]))],
});
