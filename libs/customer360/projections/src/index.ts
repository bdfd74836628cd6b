export * from './timeline/timeline-entry.document';
export * from './timeline/customer-timeline.projection';
export * from './customers/customer-facts.document';
export * from './customers/customer-facts.projection';
export * from './deals/customer-deals.projection';
export * from './customer-aliases';
export * from './segments/segment-definitions.projection';
