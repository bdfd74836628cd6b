export * from './invitations.projection';
export * from './respondents.projection';
export * from './templates.projection';
export * from './surveys-collections';
export * from './customer-aliases.projection';
