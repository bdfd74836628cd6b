import type { PipelineSnapshot } from '../pipeline/pipeline.types';
import type { ActivityKind } from './deal.events';

/**
 * Deal commands. `now` is the decision time (application Clock); commands that depend on stages carry
 * the deal's pipeline as the application layer loaded it.
 */
export type DealCommand =
  | {
      readonly type: 'open-deal';
      readonly dealId: string;
      readonly customerId: string;
      readonly pipeline: PipelineSnapshot;
      /** Omitted: the first active open stage. */
      readonly stageId?: string;
      readonly title: string;
      readonly amount: number;
      readonly currency: string;
      readonly ownerId: string;
      readonly expectedCloseDate: string;
      readonly source: string;
      readonly now: string;
    }
  | { readonly type: 'move-deal'; readonly stageId: string; readonly pipeline: PipelineSnapshot; readonly now: string }
  | { readonly type: 'win-deal'; readonly reason: string; readonly pipeline: PipelineSnapshot; readonly now: string }
  | { readonly type: 'lose-deal'; readonly reason: string; readonly pipeline: PipelineSnapshot; readonly now: string }
  | {
      readonly type: 'reopen-deal';
      /** Omitted: the stage the deal closed from, if still active, else the first active open stage. */
      readonly stageId?: string;
      readonly reason?: string;
      readonly pipeline: PipelineSnapshot;
      readonly now: string;
    }
  | { readonly type: 'change-deal-amount'; readonly amount: number; readonly currency: string; readonly now: string }
  | { readonly type: 'change-deal-owner'; readonly ownerId: string; readonly now: string }
  | { readonly type: 'change-deal-probability'; readonly probability: number; readonly now: string }
  | { readonly type: 'change-deal-close-date'; readonly expectedCloseDate: string; readonly now: string }
  | {
      readonly type: 'log-deal-activity';
      readonly activityId: string;
      readonly kind: ActivityKind;
      readonly subject: string;
      readonly notes?: string;
      readonly activityAt: string;
      readonly loggedBy: string;
      readonly now: string;
    };

/** Commands that need the deal's pipeline loaded first. */
export type DealCommandWithPipeline = Extract<DealCommand, { pipeline: PipelineSnapshot }>;
