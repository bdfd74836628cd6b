import { deciderSpec } from '@c360/kernel/testing';
import { segmentDecider, type SegmentEvent } from './segment.decider';

const spec = deciderSpec(segmentDecider);
const now = '2026-03-01T10:00:00.000Z';
const gold = [{ field: 'tier' as const, in: ['gold'] }];
const defined: SegmentEvent = { type: 'customer360.segment-defined', data: { segmentId: 's1', name: 'Gold', rules: gold, definedAt: now } };

describe('segment definitions', () => {
  it('given nothing, when defined, then a versioned definition', () => {
    spec.given([]).when({ type: 'define-segment', segmentId: 's1', name: 'Gold', rules: gold, now }).then([defined]);
  });

  it('refuses rules that cannot match anything sensible, naming the rule', () => {
    const error = spec
      .given([])
      .when({ type: 'define-segment', segmentId: 's1', name: 'Big', rules: [{ field: 'purchases', gte: 5, lte: 1 }], now })
      .thenThrows('customer360.invalid-segment-rule', 'invalid');
    expect(error.details).toEqual({ field: 'rules.0' });
    spec
      .given([])
      .when({ type: 'define-segment', segmentId: 's1', name: 'None', rules: [], now })
      .thenThrows('customer360.invalid-segment-rule');
    spec
      .given([])
      .when({ type: 'define-segment', segmentId: 's1', name: ' ', rules: gold, now })
      .thenThrows('customer360.invalid-segment-name');
  });

  it('changes rules as a new version, and a change to the same rules is nothing', () => {
    const rules = [{ field: 'tier' as const, in: ['gold', 'silver'] }];
    spec
      .given([defined])
      .when({ type: 'change-segment', rules, now })
      .then([{ type: 'customer360.segment-changed', data: { segmentId: 's1', name: 'Gold', rules, changedAt: now } }]);
    spec.given([defined]).when({ type: 'change-segment', rules: gold, now }).thenNothing();
  });

  it('retires once; a retired segment cannot change, an unknown one is not found', () => {
    const retired: SegmentEvent = { type: 'customer360.segment-retired', data: { segmentId: 's1', retiredAt: now } };
    spec.given([defined]).when({ type: 'retire-segment', now }).then([retired]);
    spec.given([defined, retired]).when({ type: 'retire-segment', now }).thenNothing();
    spec.given([defined, retired]).when({ type: 'change-segment', name: 'x', now }).thenThrows('customer360.segment-retired', 'conflict');
    spec.given([]).when({ type: 'change-segment', name: 'x', now }).thenThrows('customer360.segment-not-found', 'not-found');
  });
});
