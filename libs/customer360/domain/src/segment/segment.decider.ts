import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';
import { checkSegmentRules, type SegmentRule } from './segment-rules';

/**
 * A segment definition is a versioned, event-sourced aggregate: defining, changing and retiring it
 * are commands, so every version of its rules is on the log (what a campaign targeted, and when).
 */
export type SegmentEvent =
  | {
      readonly type: 'customer360.segment-defined';
      readonly data: {
        readonly segmentId: string;
        readonly name: string;
        readonly rules: readonly SegmentRule[];
        readonly definedAt: string;
      };
    }
  | {
      readonly type: 'customer360.segment-changed';
      readonly data: {
        readonly segmentId: string;
        readonly name: string;
        readonly rules: readonly SegmentRule[];
        readonly changedAt: string;
      };
    }
  | { readonly type: 'customer360.segment-retired'; readonly data: { readonly segmentId: string; readonly retiredAt: string } };

export type SegmentCommand =
  | {
      readonly type: 'define-segment';
      readonly segmentId: string;
      readonly name: string;
      readonly rules: readonly SegmentRule[];
      readonly now: string;
    }
  | { readonly type: 'change-segment'; readonly name?: string; readonly rules?: readonly SegmentRule[]; readonly now: string }
  | { readonly type: 'retire-segment'; readonly now: string };

export type SegmentState =
  | { readonly status: 'none' }
  | { readonly status: 'active'; readonly segmentId: string; readonly name: string; readonly rules: readonly SegmentRule[] }
  | { readonly status: 'retired'; readonly segmentId: string };

function checkName(name: string): void {
  if (name.trim().length === 0 || name.length > 100) {
    throw new DomainError('customer360.invalid-segment-name', 'name must be 1 to 100 characters', 'invalid', { field: 'name' });
  }
}

export const segmentDecider: Decider<SegmentCommand, SegmentEvent, SegmentState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'define-segment':
        if (state.status !== 'none') return []; // a repeated definition (same derived id) changes nothing
        checkName(command.name);
        checkSegmentRules(command.rules);
        return [
          {
            type: 'customer360.segment-defined',
            data: { segmentId: command.segmentId, name: command.name, rules: command.rules, definedAt: command.now },
          },
        ];
      case 'change-segment': {
        if (state.status !== 'active') throw notActive(state);
        const name = command.name ?? state.name;
        const rules = command.rules ?? state.rules;
        checkName(name);
        checkSegmentRules(rules);
        if (name === state.name && JSON.stringify(rules) === JSON.stringify(state.rules)) return [];
        return [{ type: 'customer360.segment-changed', data: { segmentId: state.segmentId, name, rules, changedAt: command.now } }];
      }
      case 'retire-segment':
        if (state.status === 'retired') return [];
        if (state.status !== 'active') throw notActive(state);
        return [{ type: 'customer360.segment-retired', data: { segmentId: state.segmentId, retiredAt: command.now } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'customer360.segment-defined':
      case 'customer360.segment-changed':
        return { status: 'active', segmentId: event.data.segmentId, name: event.data.name, rules: event.data.rules };
      case 'customer360.segment-retired':
        return { status: 'retired', segmentId: event.data.segmentId };
    }
  },
};

function notActive(state: SegmentState): DomainError {
  return state.status === 'none'
    ? new DomainError('customer360.segment-not-found', 'No such segment', 'not-found')
    : new DomainError('customer360.segment-retired', 'The segment is retired', 'conflict');
}

export function segmentStream(segmentId: string): string {
  return streamName('customer360', 'segment', segmentId);
}

export const segmentAggregate: AggregateType<SegmentCommand, SegmentEvent, SegmentState> = {
  name: 'customer360-segment',
  decider: segmentDecider,
  eventSchemas: { 'customer360.segment-defined': 1, 'customer360.segment-changed': 1, 'customer360.segment-retired': 1 },
};
