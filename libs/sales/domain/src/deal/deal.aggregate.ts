import { streamName, type AggregateType } from '@c360/kernel';
import type { DealCommand } from './deal.commands';
import { dealDecider } from './deal.decider';
import type { DealEvent } from './deal.events';
import type { DealState } from './deal.state';

export function dealStream(dealId: string): string {
  return streamName('sales', 'deal', dealId);
}

export const dealAggregate: AggregateType<DealCommand, DealEvent, DealState> = {
  name: 'sales-deal',
  decider: dealDecider,
  eventSchemas: {
    'sales.deal-opened': 1,
    'sales.deal-stage-changed': 1,
    'sales.deal-won': 1,
    'sales.deal-lost': 1,
    'sales.deal-reopened': 1,
    'sales.deal-amount-changed': 1,
    'sales.deal-owner-changed': 1,
    'sales.deal-probability-changed': 1,
    'sales.deal-close-date-changed': 1,
    'sales.deal-activity-logged': 1,
  },
};
