import { runService } from '@c360/runtime';
import { TicketsModule, ticketsContext } from '@c360/tickets-api';

/** The tickets service on its own: the same context definition the all-in-one platform runs. */
runService({ name: 'Tickets service', modules: [TicketsModule], settings: ticketsContext.settings });
