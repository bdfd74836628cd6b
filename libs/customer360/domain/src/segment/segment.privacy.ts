import { classifyEventFields } from '@c360/kernel';
import type { SegmentEvent } from './segment.decider';

/**
 * Every text field of the customer 360 context's events, classified (ADR 0013): segment definitions
 * are the business's own wording and rules about no one customer, so nothing here is personal.
 */
export const customer360EventFields = classifyEventFields<SegmentEvent>()({
  'customer360.segment-defined': { fields: { segmentId: 'plain', name: 'plain', rules: 'plain', definedAt: 'plain' } },
  'customer360.segment-changed': { fields: { segmentId: 'plain', name: 'plain', rules: 'plain', changedAt: 'plain' } },
  'customer360.segment-retired': { fields: { segmentId: 'plain', retiredAt: 'plain' } },
});
