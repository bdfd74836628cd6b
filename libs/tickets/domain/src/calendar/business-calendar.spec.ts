import { DomainError } from '@c360/kernel';
import { BusinessCalendar, type BusinessCalendarDefinition } from './business-calendar';
import { CALENDAR_PRESETS } from './calendar-presets';
import { localMidnightToUtc, zoneOffsetMs } from './zoned-time';

function preset(calendarId: string, holidays: BusinessCalendarDefinition['holidays'] = []): BusinessCalendar {
  const found = CALENDAR_PRESETS.find((candidate) => candidate.calendarId === calendarId);
  if (!found) throw new Error(calendarId);
  return new BusinessCalendar({ ...found, holidays });
}

// Europe/Oslo: CET (+1) until 2026-03-29 01:00Z, CEST (+2) until 2026-10-25 01:00Z. Working day 08:00–16:00.
const oslo = preset('mon-fri', [
  { date: '2026-04-02', name: 'Maundy Thursday' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
]);

describe('BusinessCalendar', () => {
  describe('adding business minutes (Monday–Friday, Oslo)', () => {
    it('counts within a working day', () => {
      expect(oslo.addBusinessMinutes('2026-03-02T08:00:00.000Z', 60)).toBe('2026-03-02T09:00:00.000Z'); // 09:00 → 10:00 local
    });

    it('waits through the night: a request at 21:00 starts counting at 08:00 the next morning', () => {
      expect(oslo.addBusinessMinutes('2026-03-02T20:00:00.000Z', 60)).toBe('2026-03-03T08:00:00.000Z');
    });

    it('carries what is left of Friday over the weekend to Monday', () => {
      expect(oslo.addBusinessMinutes('2026-03-06T14:30:00.000Z', 60)).toBe('2026-03-09T07:30:00.000Z'); // Fri 15:30 → Mon 08:30
    });

    it('skips holidays: Easter week moves a deadline from Wednesday to Tuesday', () => {
      // Wed 2026-04-01 15:00 local (+2) + 120 min: 60 on Wednesday, Thu/Fri/Sat/Sun/Mon off, 60 on Tuesday.
      expect(oslo.addBusinessMinutes('2026-04-01T13:00:00.000Z', 120)).toBe('2026-04-07T07:00:00.000Z');
    });

    it('starting on a holiday or a weekend counts from the next working morning', () => {
      expect(oslo.addBusinessMinutes('2026-04-03T10:00:00.000Z', 30)).toBe('2026-04-07T06:30:00.000Z');
      expect(oslo.addBusinessMinutes('2026-03-07T10:00:00.000Z', 30)).toBe('2026-03-09T07:30:00.000Z');
    });

    it('follows the DST change: Friday in CET, Monday in CEST', () => {
      // Fri 2026-03-27 15:00 local = 14:00Z; 60 min that day, 60 on Monday 2026-03-30 (08:00 local = 06:00Z).
      expect(oslo.addBusinessMinutes('2026-03-27T14:00:00.000Z', 120)).toBe('2026-03-30T07:00:00.000Z');
      // A fixed +1 offset would have said 08:00Z, an hour late.
      expect(zoneOffsetMs(Date.parse('2026-03-30T07:00:00.000Z'), 'Europe/Oslo')).toBe(2 * 3_600_000);
    });

    it('adds nothing for zero minutes and spans many weeks exactly', () => {
      expect(oslo.addBusinessMinutes('2026-03-07T10:00:00.000Z', 0)).toBe('2026-03-07T10:00:00.000Z');
      // 10 working days of 8 h from Monday 08:00 local (March, no holidays) end on the next Friday at 16:00.
      expect(oslo.addBusinessMinutes('2026-03-02T07:00:00.000Z', 10 * 8 * 60)).toBe('2026-03-13T15:00:00.000Z');
    });
  });

  describe('business minutes between two instants', () => {
    it('counts only working time across a night and a weekend', () => {
      // Fri 15:00 local → Mon 09:00 local: 60 + 60.
      expect(oslo.businessMinutesBetween('2026-03-06T14:00:00.000Z', '2026-03-09T08:00:00.000Z')).toBe(120);
      expect(oslo.businessMinutesBetween('2026-03-09T08:00:00.000Z', '2026-03-06T14:00:00.000Z')).toBe(0);
    });

    it('is the inverse of adding, on holidays and across the DST change alike', () => {
      for (const start of [
        '2026-03-27T14:00:00.000Z',
        '2026-04-01T13:00:00.000Z',
        '2026-10-23T13:59:00.000Z',
        '2026-03-07T10:00:00.000Z',
      ]) {
        for (const minutes of [1, 59, 480, 1_000, 5_000]) {
          expect(oslo.businessMinutesBetween(start, oslo.addBusinessMinutes(start, minutes))).toBe(minutes);
        }
      }
    });

    it('a 24-hour calendar in Oslo has a 23-hour spring day and a 25-hour autumn day', () => {
      const allDay = new BusinessCalendar({
        calendarId: 'oslo-24',
        name: '24/7 Oslo',
        timeZone: 'Europe/Oslo',
        week: { sun: [{ from: '00:00', to: '24:00' }] },
        holidays: [],
      });
      expect(allDay.businessMinutesBetween('2026-03-28T00:00:00.000Z', '2026-03-30T00:00:00.000Z')).toBe(23 * 60);
      expect(allDay.businessMinutesBetween('2026-10-24T00:00:00.000Z', '2026-10-26T00:00:00.000Z')).toBe(25 * 60);
      // The skipped wall time 02:30 resolves after the jump (03:30 CEST = 01:30Z).
      expect(new Date(localMidnightToUtc('2026-03-29', 150, 'Europe/Oslo')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    });
  });

  describe('the Iranian week (Asia/Tehran, +03:30)', () => {
    const iran = preset('ir-week', [
      { date: '2026-03-20', name: 'Oil Nationalization Day' },
      { date: '2026-03-21', name: 'Nowruz' },
      { date: '2026-03-22', name: 'Nowruz' },
      { date: '2026-03-23', name: 'Nowruz' },
      { date: '2026-03-24', name: 'Nowruz' },
    ]);

    it('works a half day on Thursday, rests on Friday and starts again on Saturday', () => {
      // Thu 2026-03-05 11:00 local = 07:30Z: 60 min until 12:00, Friday off, Saturday 08:00 + 60.
      expect(iran.addBusinessMinutes('2026-03-05T07:30:00.000Z', 120)).toBe('2026-03-07T05:30:00.000Z');
      expect(iran.businessMinutesBetween('2026-03-05T04:30:00.000Z', '2026-03-07T04:30:00.000Z')).toBe(4 * 60);
    });

    it('skips the Nowruz holidays', () => {
      // Thu 2026-03-19 11:00 local, 60 min that day; Fri 20 to Tue 24 off; Wednesday 25 at 09:00 local.
      expect(iran.addBusinessMinutes('2026-03-19T07:30:00.000Z', 120)).toBe('2026-03-25T05:30:00.000Z');
    });
  });

  describe('the Thai week (Asia/Bangkok, +07:00, lunch off)', () => {
    const thailand = preset('th-week', [{ date: '2026-04-13', name: 'Songkran' }]);

    it('stops the clock for the lunch hour', () => {
      // Mon 11:30 local = 04:30Z: 30 min before lunch, 30 after 13:00.
      expect(thailand.addBusinessMinutes('2026-03-02T04:30:00.000Z', 60)).toBe('2026-03-02T06:30:00.000Z');
      expect(thailand.businessMinutesBetween('2026-03-02T01:30:00.000Z', '2026-03-02T10:30:00.000Z')).toBe(8 * 60);
    });

    it('skips Songkran', () => {
      // Fri 2026-04-10 17:00 local, 30 min; Monday 13 is a holiday; Tuesday 08:30 + 30.
      expect(thailand.addBusinessMinutes('2026-04-10T10:00:00.000Z', 60)).toBe('2026-04-14T02:00:00.000Z');
    });
  });

  describe('validation', () => {
    const base: BusinessCalendarDefinition = {
      calendarId: 'x',
      name: 'x',
      timeZone: 'UTC',
      week: { mon: [{ from: '09:00', to: '17:00' }] },
      holidays: [],
    };
    const fails = (definition: BusinessCalendarDefinition) => {
      let thrown: unknown;
      try {
        new BusinessCalendar(definition);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      return (thrown as DomainError).details.field;
    };

    it('names what is wrong', () => {
      expect(fails({ ...base, timeZone: 'Mars/Olympus' })).toBe('timeZone');
      expect(fails({ ...base, week: { mon: [{ from: '9:00', to: '17:00' }] } })).toBe('week.mon[0].from');
      expect(fails({ ...base, week: { mon: [{ from: '17:00', to: '09:00' }] } })).toBe('week.mon[0]');
      expect(
        fails({
          ...base,
          week: {
            mon: [
              { from: '09:00', to: '13:00' },
              { from: '12:00', to: '17:00' },
            ],
          },
        }),
      ).toBe('week.mon');
      expect(fails({ ...base, week: {} })).toBe('week');
    });

    it('gives up with an error when a calendar has no working time ahead', () => {
      const holidays = Array.from({ length: 600 }, (_, week) => ({
        date: new Date(Date.parse('2026-03-02T00:00:00Z') + week * 7 * 86_400_000).toISOString().slice(0, 10),
        name: 'closed',
      }));
      const closed = new BusinessCalendar({ ...base, holidays });
      expect(() => closed.addBusinessMinutes('2026-03-02T00:00:00.000Z', 60)).toThrow(DomainError);
    });
  });
});
