import type { UseCaseResult } from '@c360/kernel';
import type { ContractState, DealState, PipelineState, PurchaseState } from '@c360/sales-domain';

/**
 * What every sales command answers: the aggregate's `version` (its stream revision: send it back as
 * If-Match), whether the request was a repeat, and the aggregate as it now is.
 */

export function writtenDeal(result: UseCaseResult<DealState> & { dealId: string }) {
  if (result.state.status === 'none') return { dealId: result.dealId, version: result.revision, duplicate: result.duplicate, deal: null };
  const { activityIds: _activityIds, ...deal } = result.state;
  return { dealId: result.dealId, version: result.revision, duplicate: result.duplicate, deal };
}

export function writtenPipeline(result: UseCaseResult<PipelineState>) {
  const pipeline =
    result.state.status === 'defined'
      ? { pipelineId: result.state.pipelineId, name: result.state.name, stages: result.state.stages }
      : null;
  return { pipelineId: pipeline?.pipelineId ?? null, version: result.revision, duplicate: result.duplicate, pipeline };
}

export function purchaseView(state: PurchaseState) {
  if (state.status === 'none') return null;
  return {
    purchaseId: state.purchaseId,
    orderId: state.orderId,
    customerId: state.customerId,
    channel: state.channel,
    dealId: state.dealId,
    lines: state.lines,
    total: state.total,
    currency: state.currency,
    purchasedAt: state.purchasedAt,
    refundedTotal: state.refundedTotal,
    refundable: state.total - state.refundedTotal,
  };
}

export function writtenContract(result: UseCaseResult<ContractState> & { contractId: string }) {
  return {
    contractId: result.contractId,
    version: result.revision,
    duplicate: result.duplicate,
    contract: result.state.status === 'none' ? null : result.state,
  };
}
