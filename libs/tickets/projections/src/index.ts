export * from './ticket-view.projection';
export * from './ticket-messages.projection';
export * from './workload.projection';
export * from './sla-due.projection';
export * from './tickets-collections';
