import type { DealEvent } from './deal.events';
import type { DealState } from './deal.state';

export function evolveDeal(state: DealState, event: DealEvent): DealState {
  if (event.type === 'sales.deal-opened') {
    const d = event.data;
    return {
      status: 'open',
      dealId: d.dealId,
      customerId: d.customerId,
      pipelineId: d.pipelineId,
      title: d.title,
      amount: d.amount,
      currency: d.currency,
      ownerId: d.ownerId,
      expectedCloseDate: d.expectedCloseDate,
      source: d.source,
      stageId: d.stageId,
      probability: d.probability,
      openedAt: d.openedAt,
      stageEnteredAt: d.openedAt,
      activityIds: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'sales.deal-stage-changed':
      return { ...state, stageId: event.data.toStageId, probability: event.data.probability, stageEnteredAt: event.data.changedAt };
    case 'sales.deal-won':
    case 'sales.deal-lost': {
      const won = event.type === 'sales.deal-won';
      const closedAt = won ? event.data.wonAt : event.data.lostAt;
      return {
        ...state,
        status: won ? 'won' : 'lost',
        stageId: event.data.stageId,
        probability: won ? 100 : 0,
        stageEnteredAt: closedAt,
        closedAt,
        closeReason: event.data.reason,
        closedFromStageId: event.data.fromStageId,
        cycleTimeMs: event.data.cycleTimeMs,
      };
    }
    case 'sales.deal-reopened': {
      if (state.status === 'open') return state;
      const { closedAt: _closedAt, closeReason: _reason, closedFromStageId: _from, cycleTimeMs: _cycle, ...facts } = state;
      return {
        ...facts,
        status: 'open',
        stageId: event.data.stageId,
        probability: event.data.probability,
        stageEnteredAt: event.data.reopenedAt,
      };
    }
    case 'sales.deal-amount-changed':
      return { ...state, amount: event.data.amount, currency: event.data.currency };
    case 'sales.deal-owner-changed':
      return { ...state, ownerId: event.data.ownerId };
    case 'sales.deal-probability-changed':
      return { ...state, probability: event.data.probability };
    case 'sales.deal-close-date-changed':
      return { ...state, expectedCloseDate: event.data.expectedCloseDate };
    case 'sales.deal-activity-logged':
      return { ...state, activityIds: [...state.activityIds, event.data.activityId] };
  }
}
