import { deriveId } from '@c360/kernel';
import type { StageDefinition } from './pipeline.types';

/**
 * The pipeline every deal lands in unless told otherwise. Its id is derived, so every process of the
 * platform names the same stream, and defining it is one idempotent command (docs/contexts/sales.md).
 */
export const DEFAULT_PIPELINE_ID = deriveId('sales/pipeline/default');
export const DEFAULT_PIPELINE_NAME = 'Sales pipeline';

/** Probabilities: the usual B2B rule of thumb, each stage roughly halving the distance to a close. */
export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { stageId: 'lead', name: 'Lead', probability: 10, kind: 'open' },
  { stageId: 'qualified', name: 'Qualified', probability: 25, kind: 'open' },
  { stageId: 'proposal', name: 'Proposal', probability: 50, kind: 'open' },
  { stageId: 'negotiation', name: 'Negotiation', probability: 75, kind: 'open' },
  { stageId: 'won', name: 'Won', probability: 100, kind: 'won' },
  { stageId: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
];
