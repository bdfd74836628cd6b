import { DomainError } from '@c360/kernel';
import { requireIdentifier, requireText } from '../../shared/sales-values';
import type { DealCommand } from '../deal.commands';
import { ACTIVITY_KINDS, type DealEvent } from '../deal.events';
import type { DealState } from '../deal.state';
import { requireDeal } from './deal-guards';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Activities are logged on open and closed deals alike (follow-ups after a close are normal). */
export function decideActivity(command: Extract<DealCommand, { type: 'log-deal-activity' }>, state: DealState): DealEvent[] {
  const deal = requireDeal(state);
  if (deal.activityIds.includes(command.activityId)) return [];
  if (!ACTIVITY_KINDS.includes(command.kind)) {
    throw new DomainError('sales.invalid-activity-kind', `kind must be one of ${ACTIVITY_KINDS.join(', ')}`, 'invalid', { field: 'kind' });
  }
  const subject = requireText(command.subject, 'subject', 200);
  const notes = command.notes === undefined || command.notes.trim() === '' ? null : requireText(command.notes, 'notes', 5000);
  requireIdentifier(command.loggedBy, 'loggedBy');
  if (!INSTANT.test(command.activityAt) || Number.isNaN(Date.parse(command.activityAt))) {
    throw new DomainError('sales.invalid-date', 'activityAt must be an ISO-8601 instant', 'invalid', { field: 'activityAt' });
  }
  const activityAt = new Date(command.activityAt).toISOString();
  if (activityAt > command.now) {
    throw new DomainError('sales.activity-in-future', 'An activity is logged once it happened', 'invalid', { field: 'activityAt' });
  }
  return [
    {
      type: 'sales.deal-activity-logged',
      data: {
        dealId: deal.dealId,
        customerId: deal.customerId,
        activityId: command.activityId,
        kind: command.kind,
        subject,
        notes,
        activityAt,
        loggedBy: command.loggedBy,
        loggedAt: command.now,
      },
    },
  ];
}
