import { DomainError } from '@c360/kernel';
import { dateOf, requireAmount, requireCalendarDate, requireCurrency, requireIdentifier, requireText } from '../../shared/sales-values';
import type { DealCommand } from '../deal.commands';
import type { DealEvent } from '../deal.events';
import type { DealState } from '../deal.state';
import { firstOpenStage, requireEnterableStage } from './deal-guards';

type OpenDealCommand = Extract<DealCommand, { type: 'open-deal' }>;

export function decideOpenDeal(command: OpenDealCommand, state: DealState): DealEvent[] {
  if (state.status !== 'none') throw new DomainError('sales.deal-exists', 'The deal is already open', 'conflict');
  const title = requireText(command.title, 'title', 200);
  requireAmount(command.amount, 'amount');
  requireCurrency(command.currency);
  requireIdentifier(command.ownerId, 'ownerId');
  requireIdentifier(command.source, 'source');
  requireCalendarDate(command.expectedCloseDate, 'expectedCloseDate');
  if (command.expectedCloseDate < dateOf(command.now)) {
    throw new DomainError('sales.close-date-in-past', 'expectedCloseDate cannot be before the day the deal opens', 'invalid', {
      field: 'expectedCloseDate',
    });
  }
  const stage = command.stageId === undefined ? firstOpenStage(command.pipeline) : requireEnterableStage(command.pipeline, command.stageId);
  return [
    {
      type: 'sales.deal-opened',
      data: {
        dealId: command.dealId,
        customerId: command.customerId,
        pipelineId: command.pipeline.pipelineId,
        stageId: stage.stageId,
        probability: stage.probability,
        title,
        amount: command.amount,
        currency: command.currency,
        ownerId: command.ownerId,
        expectedCloseDate: command.expectedCloseDate,
        source: command.source,
        openedAt: command.now,
      },
    },
  ];
}
