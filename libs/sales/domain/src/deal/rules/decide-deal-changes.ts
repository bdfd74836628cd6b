import { DomainError } from '@c360/kernel';
import { dateOf, requireAmount, requireCalendarDate, requireCurrency, requireIdentifier } from '../../shared/sales-values';
import type { DealCommand } from '../deal.commands';
import type { DealEvent } from '../deal.events';
import type { DealState } from '../deal.state';
import { requireOpenDeal, requireProbability } from './deal-guards';

type Command<T extends DealCommand['type']> = Extract<DealCommand, { type: T }>;

/** A closed deal's figures are what it closed with: changes need a reopen first. Same value: no event. */

export function decideAmount(command: Command<'change-deal-amount'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireAmount(command.amount, 'amount');
  requireCurrency(command.currency);
  if (command.amount === deal.amount && command.currency === deal.currency) return [];
  return [
    {
      type: 'sales.deal-amount-changed',
      data: {
        dealId: deal.dealId,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
        probability: deal.probability,
        amount: command.amount,
        currency: command.currency,
        previousAmount: deal.amount,
        previousCurrency: deal.currency,
        changedAt: command.now,
      },
    },
  ];
}

export function decideOwner(command: Command<'change-deal-owner'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireIdentifier(command.ownerId, 'ownerId');
  if (command.ownerId === deal.ownerId) return [];
  return [
    {
      type: 'sales.deal-owner-changed',
      data: {
        dealId: deal.dealId,
        pipelineId: deal.pipelineId,
        ownerId: command.ownerId,
        previousOwnerId: deal.ownerId,
        changedAt: command.now,
      },
    },
  ];
}

export function decideProbability(command: Command<'change-deal-probability'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireProbability(command.probability);
  if (command.probability === deal.probability) return [];
  return [
    {
      type: 'sales.deal-probability-changed',
      data: {
        dealId: deal.dealId,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
        amount: deal.amount,
        currency: deal.currency,
        probability: command.probability,
        previousProbability: deal.probability,
        changedAt: command.now,
      },
    },
  ];
}

export function decideCloseDate(command: Command<'change-deal-close-date'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireCalendarDate(command.expectedCloseDate, 'expectedCloseDate');
  if (command.expectedCloseDate < dateOf(deal.openedAt)) {
    throw new DomainError('sales.close-date-in-past', 'expectedCloseDate cannot be before the day the deal opened', 'invalid', {
      field: 'expectedCloseDate',
    });
  }
  if (command.expectedCloseDate === deal.expectedCloseDate) return [];
  return [
    {
      type: 'sales.deal-close-date-changed',
      data: {
        dealId: deal.dealId,
        expectedCloseDate: command.expectedCloseDate,
        previousExpectedCloseDate: deal.expectedCloseDate,
        changedAt: command.now,
      },
    },
  ];
}
