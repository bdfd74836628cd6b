import { deciderSpec } from '@c360/kernel/testing';
import { T0 } from '../testing/ticket-fixtures';
import type { SlaPolicy } from '../sla/sla.types';
import { slaPolicyBookDecider, type SlaPolicyBookCommand, type SlaPolicyBookEvent } from './sla-policy-book';

const spec = deciderSpec(slaPolicyBookDecider);
const normal: SlaPolicy = {
  policyId: 'normal',
  name: 'Normal',
  priority: 'normal',
  category: null,
  calendarId: 'mon-fri',
  firstResponseMinutes: 240,
  nextUpdateMinutes: null,
  resolutionMinutes: 1_440,
  warnBeforeMinutes: 30,
};
const set = (policy: Partial<SlaPolicy> = {}): SlaPolicyBookCommand => ({
  type: 'set-sla-policy',
  policy: { ...normal, ...policy },
  knownCalendars: ['mon-fri', 'ir-week'],
  now: T0,
  actorId: 'sup-sue',
});
const wasSet = (policy: SlaPolicy, version: number): SlaPolicyBookEvent => ({
  type: 'tickets.sla-policy-set',
  data: { policy: { ...policy, version }, setAt: T0, setBy: 'sup-sue' },
});

describe('SLA policy book', () => {
  it('sets a policy at version 1, a change at version 2, and an unchanged one writes nothing', () => {
    spec
      .given([])
      .when(set())
      .then([wasSet(normal, 1)]);
    spec
      .given([wasSet(normal, 1)])
      .when(set({ resolutionMinutes: 960 }))
      .then([wasSet({ ...normal, resolutionMinutes: 960 }, 2)]);
    spec
      .given([wasSet(normal, 1)])
      .when(set())
      .thenNothing();
    expect(spec.given([wasSet(normal, 1), wasSet({ ...normal, policyId: 'vip', category: 'vip' }, 1)]).state().bookVersion).toBe(2);
  });

  it('one policy per priority and category', () => {
    spec
      .given([wasSet(normal, 1)])
      .when(set({ policyId: 'normal-2' }))
      .thenThrows('tickets.sla-policy-clash', 'conflict');
    spec
      .given([wasSet(normal, 1)])
      .when(set({ policyId: 'normal-billing', category: 'billing' }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('checks targets, the warning and the calendar, naming the field', () => {
    expect(
      spec
        .given([])
        .when(set({ firstResponseMinutes: 0 }))
        .thenThrows('tickets.invalid-sla-target').details.field,
    ).toBe('firstResponseMinutes');
    expect(
      spec
        .given([])
        .when(set({ warnBeforeMinutes: 240 }))
        .thenThrows('tickets.invalid-sla-target').details.field,
    ).toBe('warnBeforeMinutes');
    expect(
      spec
        .given([])
        .when(set({ calendarId: 'moon' }))
        .thenThrows('tickets.unknown-calendar').details.field,
    ).toBe('calendarId');
    expect(
      spec
        .given([])
        .when(set({ priority: 'asap' as never }))
        .thenThrows('tickets.invalid-priority').details.field,
    ).toBe('priority');
  });

  it('removes a policy; an unknown one is not found', () => {
    spec
      .given([wasSet(normal, 1)])
      .when({ type: 'remove-sla-policy', policyId: 'normal', now: T0, actorId: 'sup-sue' })
      .then([{ type: 'tickets.sla-policy-removed', data: { policyId: 'normal', removedAt: T0, removedBy: 'sup-sue' } }]);
    spec
      .given([])
      .when({ type: 'remove-sla-policy', policyId: 'normal', now: T0, actorId: 'sup-sue' })
      .thenThrows('tickets.sla-policy-not-found', 'not-found');
  });
});
