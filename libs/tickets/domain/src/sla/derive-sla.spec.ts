import { osloWeek, policy, T0 } from '../testing/ticket-fixtures';
import { deriveSla, runningDeadlines, type SlaFact } from './derive-sla';

// Oslo, Monday–Friday 08:00–16:00 local; T0 is Monday 2026-03-02 09:00 local (08:00Z).
const normal = policy(); // first response 60, next update 120, resolution 480, warning 15 before
const urgent = policy({ policyId: 'urgent', priority: 'urgent', firstResponseMinutes: 15, resolutionMinutes: 120 });
const clock = (facts: readonly SlaFact[], now: string, chosen = normal) => {
  const status = deriveSla(facts, chosen, osloWeek, now);
  return (target: string) => status.clocks.filter((c) => c.target === target).at(-1);
};

describe('deriveSla', () => {
  it('counts a ticket opened at night from the next working morning', () => {
    const of = clock([{ kind: 'opened', at: '2026-03-02T20:00:00.000Z' }], '2026-03-02T21:00:00.000Z');
    expect(of('first-response')).toMatchObject({
      state: 'running',
      dueAt: '2026-03-03T08:00:00.000Z',
      warnAt: '2026-03-03T07:45:00.000Z',
      elapsedMinutes: 0,
    });
    expect(of('resolution')).toMatchObject({ state: 'running', dueAt: '2026-03-03T15:00:00.000Z', breached: false });
  });

  it('follows a DST change: 120 minutes from Friday 15:00 CET end Monday 09:00 CEST', () => {
    const of = clock(
      [{ kind: 'opened', at: '2026-03-27T14:00:00.000Z' }],
      '2026-03-27T14:00:00.000Z',
      policy({ firstResponseMinutes: 120 }),
    );
    expect(of('first-response')?.dueAt).toBe('2026-03-30T07:00:00.000Z');
  });

  it('pauses every clock while pending, across days, and resumes with what was left', () => {
    const pending: SlaFact[] = [
      { kind: 'opened', at: T0 },
      { kind: 'agent-reply', at: '2026-03-02T09:00:00.000Z' },
      { kind: 'status', status: 'pending-customer', at: '2026-03-02T09:00:00.000Z' },
    ];
    const paused = clock(pending, '2026-03-03T12:00:00.000Z');
    expect(paused('first-response')).toMatchObject({
      state: 'met',
      metAt: '2026-03-02T09:00:00.000Z',
      breached: false,
      elapsedMinutes: 60,
    });
    expect(paused('resolution')).toMatchObject({ state: 'paused', dueAt: null, remainingMinutes: 420, breached: false });

    // The customer answers on Wednesday 10:00 local: 420 minutes left run to Thursday 09:00 local.
    const resumed = clock(
      [
        ...pending,
        { kind: 'customer-reply', at: '2026-03-04T09:00:00.000Z' },
        { kind: 'status', status: 'open', at: '2026-03-04T09:00:00.000Z' },
      ],
      '2026-03-04T09:00:00.000Z',
    );
    expect(resumed('resolution')).toMatchObject({ state: 'running', dueAt: '2026-03-05T08:00:00.000Z' });
    expect(resumed('next-update')).toMatchObject({
      state: 'running',
      cycle: '2026-03-04T09:00:00.000Z',
      dueAt: '2026-03-04T11:00:00.000Z',
    });
  });

  it('re-derives exactly under another policy: urgent from the start means the deadline has already passed', () => {
    const history: SlaFact[] = [{ kind: 'opened', at: T0 }];
    const now = '2026-03-02T11:00:00.000Z'; // three business hours later
    expect(clock(history, now)('resolution')).toMatchObject({ dueAt: '2026-03-03T08:00:00.000Z', breached: false });
    const asUrgent = clock(history, now, urgent);
    expect(asUrgent('resolution')).toMatchObject({ dueAt: '2026-03-02T10:00:00.000Z', breached: true, remainingMinutes: -60 });
    expect(asUrgent('first-response')).toMatchObject({ dueAt: '2026-03-02T08:15:00.000Z', breached: true });
  });

  it('a target met late is breached, with the instant it passed', () => {
    const of = clock(
      [
        { kind: 'opened', at: T0 },
        { kind: 'agent-reply', at: '2026-03-02T09:30:00.000Z' },
      ],
      '2026-03-02T10:00:00.000Z',
    );
    expect(of('first-response')).toMatchObject({ state: 'met', breached: true, dueAt: '2026-03-02T09:00:00.000Z', elapsedMinutes: 90 });
  });

  it('next update counts from each customer message after the first response until the next agent reply', () => {
    const facts: SlaFact[] = [
      { kind: 'opened', at: T0 },
      { kind: 'customer-reply', at: '2026-03-02T08:10:00.000Z' }, // before the first response: covered by it
      { kind: 'agent-reply', at: '2026-03-02T08:30:00.000Z' },
      { kind: 'customer-reply', at: '2026-03-02T14:00:00.000Z' }, // 15:00 local: 60 min today, 60 tomorrow
    ];
    expect(clock(facts, '2026-03-02T14:00:00.000Z')('next-update')).toMatchObject({ state: 'running', dueAt: '2026-03-03T08:00:00.000Z' });
    const answered = clock([...facts, { kind: 'agent-reply', at: '2026-03-02T14:30:00.000Z' }], '2026-03-02T15:00:00.000Z');
    expect(answered('next-update')).toMatchObject({ state: 'met', breached: false, elapsedMinutes: 30 });
    expect(
      runningDeadlines(deriveSla([...facts, { kind: 'agent-reply', at: '2026-03-02T14:30:00.000Z' }], normal, osloWeek, T0)).map(
        (d) => d.target,
      ),
    ).toEqual(['resolution']);
  });

  it('resolving meets resolution and stops the rest; a reopen resumes resolution where it stood', () => {
    const resolved: SlaFact[] = [
      { kind: 'opened', at: T0 },
      { kind: 'status', status: 'resolved', at: '2026-03-02T10:00:00.000Z' },
    ];
    const done = clock(resolved, '2026-03-02T12:00:00.000Z');
    expect(done('resolution')).toMatchObject({ state: 'met', elapsedMinutes: 120, breached: false });
    expect(done('first-response')).toMatchObject({ state: 'stopped', dueAt: null, breached: false });
    const reopened = clock([...resolved, { kind: 'status', status: 'open', at: '2026-03-03T08:00:00.000Z' }], '2026-03-03T08:00:00.000Z');
    expect(reopened('resolution')).toMatchObject({ state: 'running', elapsedMinutes: 120, dueAt: '2026-03-03T14:00:00.000Z' });
    expect(reopened('first-response')?.state).toBe('stopped');
  });
});
