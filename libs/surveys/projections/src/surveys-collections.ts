import { projectionCollection } from '@c360/kernel';
import { surveysCustomerAliasesProjection } from './customer-aliases.projection';
import { invitationsProjection } from './invitations.projection';
import { respondentsProjection } from './respondents.projection';
import { templatesProjection } from './templates.projection';

/** The collections queries, the scheduler and the delivery read (each projection version writes its own). */
export const SURVEYS_COLLECTIONS = {
  invitations: projectionCollection(invitationsProjection),
  respondents: projectionCollection(respondentsProjection),
  templates: projectionCollection(templatesProjection),
  /** Written by the embedded notifier, not a projection: the messages it delivered. */
  outbox: 'surveys-outbox',
} as const;

export const SURVEYS_PROJECTIONS = [
  invitationsProjection,
  respondentsProjection,
  templatesProjection,
  surveysCustomerAliasesProjection,
] as const;
