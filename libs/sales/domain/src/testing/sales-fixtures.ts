import type { PipelineSnapshot } from '../pipeline/pipeline.types';
import { DEFAULT_PIPELINE_ID, DEFAULT_PIPELINE_NAME, DEFAULT_STAGES } from '../pipeline/default-pipeline';
import type { DealOpened } from '../deal/deal.events';

/** Shared by the sales decider specs. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();

export const CUSTOMER = '0190a5c4-0000-7000-8000-00000000c001';
export const DEAL = '0190a5c4-0000-7000-8000-00000000d001';
export const AGENT = 'agent-ann';

export const defaultPipeline: PipelineSnapshot = {
  pipelineId: DEFAULT_PIPELINE_ID,
  name: DEFAULT_PIPELINE_NAME,
  stages: DEFAULT_STAGES.map((stage) => ({ ...stage, retired: false })),
};

export function withRetired(pipeline: PipelineSnapshot, stageId: string): PipelineSnapshot {
  return { ...pipeline, stages: pipeline.stages.map((stage) => (stage.stageId === stageId ? { ...stage, retired: true } : stage)) };
}

export function dealOpened(overrides: Partial<DealOpened['data']> = {}): DealOpened {
  return {
    type: 'sales.deal-opened',
    data: {
      dealId: DEAL,
      customerId: CUSTOMER,
      pipelineId: DEFAULT_PIPELINE_ID,
      stageId: 'lead',
      probability: 10,
      title: 'Fleet renewal',
      amount: 120_000,
      currency: 'EUR',
      ownerId: AGENT,
      expectedCloseDate: '2026-04-30',
      source: 'web-form',
      openedAt: T0,
      ...overrides,
    },
  };
}
