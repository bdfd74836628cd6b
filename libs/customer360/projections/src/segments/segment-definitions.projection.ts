import type { SegmentEvent, SegmentRule } from '@c360/customer360-domain';
import { projectionCollection, type DocumentProjection } from '@c360/kernel';

/** Segment definitions as listed: the current rules, the version, active or retired. */
export interface SegmentDefinitionDocument {
  readonly segmentId: string;
  readonly name: string;
  readonly rules: readonly SegmentRule[];
  readonly status: 'active' | 'retired';
  readonly version: number;
  readonly definedAt: string;
  readonly updatedAt: string;
}

export const SEGMENT_DEFINITIONS = { name: 'c360-segments', version: 1 } as const;
export const SEGMENT_DEFINITIONS_COLLECTION = projectionCollection(SEGMENT_DEFINITIONS);

export const segmentDefinitionsProjection: DocumentProjection<SegmentDefinitionDocument, SegmentEvent> = {
  ...SEGMENT_DEFINITIONS,
  handles: ['customer360.segment-defined', 'customer360.segment-changed', 'customer360.segment-retired'],
  indexes: [{ fields: ['status', 'name'] }],
  documentIds: (event) => [event.data.segmentId],
  evolve(doc, event) {
    switch (event.type) {
      case 'customer360.segment-defined': {
        const { segmentId, name, rules, definedAt } = event.data;
        return { segmentId, name, rules, status: 'active', version: event.revision, definedAt, updatedAt: definedAt };
      }
      case 'customer360.segment-changed':
        return doc && { ...doc, name: event.data.name, rules: event.data.rules, version: event.revision, updatedAt: event.data.changedAt };
      case 'customer360.segment-retired':
        return doc && { ...doc, status: 'retired', version: event.revision, updatedAt: event.data.retiredAt };
    }
  },
};
