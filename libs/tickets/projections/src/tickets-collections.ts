import { projectionCollection } from '@c360/kernel';
import { slaDueProjection } from './sla-due.projection';
import { ticketMessagesProjection } from './ticket-messages.projection';
import { ticketViewProjection } from './ticket-view.projection';
import { workloadProjection } from './workload.projection';

/** The collections queries and the scheduler read (each projection version writes its own). */
export const TICKETS_COLLECTIONS = {
  tickets: projectionCollection(ticketViewProjection),
  messages: projectionCollection(ticketMessagesProjection),
  workload: projectionCollection(workloadProjection),
  slaDue: projectionCollection(slaDueProjection),
} as const;

export const TICKETS_PROJECTIONS = [ticketViewProjection, ticketMessagesProjection, workloadProjection, slaDueProjection] as const;
