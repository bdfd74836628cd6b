import { DomainError } from '@c360/kernel';
import { findStage, stageIndex, terminalStage } from '../../pipeline/pipeline.types';
import { millisBetween, requireText } from '../../shared/sales-values';
import type { DealCommand } from '../deal.commands';
import type { DealEvent } from '../deal.events';
import type { DealState } from '../deal.state';
import { firstOpenStage, requireDeal, requireEnterableStage, requireOpenDeal, requireOwnPipeline } from './deal-guards';

type Command<T extends DealCommand['type']> = Extract<DealCommand, { type: T }>;

/** Forward or back, one stage or several; won and lost are reached only by winning or losing. */
export function decideMove(command: Command<'move-deal'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireOwnPipeline(deal, command.pipeline);
  const target = requireEnterableStage(command.pipeline, command.stageId);
  if (target.stageId === deal.stageId) return [];
  const direction = stageIndex(command.pipeline, target.stageId) > stageIndex(command.pipeline, deal.stageId) ? 'forward' : 'backward';
  return [
    {
      type: 'sales.deal-stage-changed',
      data: {
        dealId: deal.dealId,
        pipelineId: deal.pipelineId,
        fromStageId: deal.stageId,
        toStageId: target.stageId,
        direction,
        // A probability set by hand belonged to the stage the deal leaves: the new stage's applies.
        probability: target.probability,
        previousProbability: deal.probability,
        amount: deal.amount,
        currency: deal.currency,
        timeInStageMs: millisBetween(deal.stageEnteredAt, command.now),
        changedAt: command.now,
      },
    },
  ];
}

export function decideClose(command: Command<'win-deal'> | Command<'lose-deal'>, state: DealState): DealEvent[] {
  const deal = requireOpenDeal(state);
  requireOwnPipeline(deal, command.pipeline);
  const reason = requireText(command.reason, 'reason', 500);
  const won = command.type === 'win-deal';
  if (won && deal.amount === 0) {
    // A won deal records a purchase of its amount: nothing to record means nothing was won yet.
    throw new DomainError('sales.deal-amount-required', 'Set the deal amount before winning it', 'invalid', { field: 'amount' });
  }
  const closed = {
    dealId: deal.dealId,
    customerId: deal.customerId,
    amount: deal.amount,
    currency: deal.currency,
    ownerId: deal.ownerId,
    pipelineId: deal.pipelineId,
    stageId: terminalStage(command.pipeline, won ? 'won' : 'lost').stageId,
    fromStageId: deal.stageId,
    previousProbability: deal.probability,
    reason,
    openedAt: deal.openedAt,
    cycleTimeMs: millisBetween(deal.openedAt, command.now),
    timeInStageMs: millisBetween(deal.stageEnteredAt, command.now),
  };
  return won
    ? [{ type: 'sales.deal-won', data: { ...closed, wonAt: command.now } }]
    : [{ type: 'sales.deal-lost', data: { ...closed, lostAt: command.now } }];
}

export function decideReopen(command: Command<'reopen-deal'>, state: DealState): DealEvent[] {
  const deal = requireDeal(state);
  if (deal.status === 'open') throw new DomainError('sales.deal-already-open', 'The deal is open', 'conflict');
  requireOwnPipeline(deal, command.pipeline);
  const reason = command.reason === undefined ? null : requireText(command.reason, 'reason', 500);
  const previous = findStage(command.pipeline, deal.closedFromStageId);
  const stage =
    command.stageId !== undefined
      ? requireEnterableStage(command.pipeline, command.stageId)
      : previous && previous.kind === 'open' && !previous.retired
        ? previous
        : firstOpenStage(command.pipeline);
  return [
    {
      type: 'sales.deal-reopened',
      data: {
        dealId: deal.dealId,
        customerId: deal.customerId,
        pipelineId: deal.pipelineId,
        fromStageId: deal.stageId,
        stageId: stage.stageId,
        probability: stage.probability,
        amount: deal.amount,
        currency: deal.currency,
        ownerId: deal.ownerId,
        previousOutcome: deal.status,
        previousClosedAt: deal.closedAt,
        previousCycleTimeMs: deal.cycleTimeMs,
        reason,
        timeInStageMs: millisBetween(deal.stageEnteredAt, command.now),
        reopenedAt: command.now,
      },
    },
  ];
}
