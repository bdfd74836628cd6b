import { DomainError } from '@c360/kernel';
import { localDateOf, localMidnightToUtc, nextLocalDate, weekdayOf, type Weekday } from './zoned-time';

/** Working hours of one day in the zone's local time, `HH:MM` to `HH:MM` (`24:00` ends at midnight). */
export interface WorkingHours {
  readonly from: string;
  readonly to: string;
}

export interface Holiday {
  /** The local date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
}

/** A business-hours calendar as data: what presets, holiday files and supervisors write. */
export interface BusinessCalendarDefinition {
  /** `mon-fri`, `ir-week`: a slug. */
  readonly calendarId: string;
  readonly name: string;
  /** IANA zone, e.g. `Europe/Oslo`, `Asia/Tehran`. */
  readonly timeZone: string;
  /** Working hours per weekday; a day missing (or with no hours) is not a working day. */
  readonly week: Readonly<Partial<Record<Weekday, readonly WorkingHours[]>>>;
  /** Whole-day holidays, local dates. */
  readonly holidays: readonly Holiday[];
}

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const MINUTE = 60_000;
/** addBusinessMinutes looks this far ahead for working time before it gives up (a calendar of only holidays). */
const MAX_DAYS = 3_700;

function minuteOfDay(value: string, field: string): number {
  const match = HH_MM.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 1_440) {
    throw new DomainError('tickets.invalid-calendar', `${field} must be a time HH:MM from 00:00 to 24:00 (got ${value})`, 'invalid', {
      field,
    });
  }
  return minutes;
}

/**
 * Business time on a working-hours calendar (pure: no I/O, no clock). Working hours are local to the
 * calendar's zone and holidays are local dates; instants are UTC. Zone offsets come from
 * `Intl.DateTimeFormat`, so a DST change moves the UTC instants of "09:00" with it and a working day
 * that spans a change has the length the wall clock says. Durations are exact milliseconds of working
 * time; the minute methods are the same figures in minutes (possibly fractional).
 */
export class BusinessCalendar {
  private readonly days = new Map<string, readonly (readonly [number, number])[]>();
  private readonly hours: ReadonlyMap<Weekday, readonly (readonly [number, number])[]>;
  private readonly holidayDates: ReadonlySet<string>;

  constructor(readonly definition: BusinessCalendarDefinition) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: definition.timeZone });
    } catch {
      throw new DomainError('tickets.invalid-calendar', `Unknown time zone ${definition.timeZone}`, 'invalid', { field: 'timeZone' });
    }
    const hours = new Map<Weekday, (readonly [number, number])[]>();
    for (const [day, list] of Object.entries(definition.week) as [Weekday, readonly WorkingHours[]][]) {
      const ranges = list
        .map((range, index) => {
          const from = minuteOfDay(range.from, `week.${day}[${index}].from`);
          const to = minuteOfDay(range.to, `week.${day}[${index}].to`);
          if (to <= from) {
            throw new DomainError('tickets.invalid-calendar', `week.${day}[${index}] must end after it starts`, 'invalid', {
              field: `week.${day}[${index}]`,
            });
          }
          return [from, to] as const;
        })
        .sort((a, b) => a[0] - b[0]);
      ranges.forEach((range, index) => {
        if (index > 0 && range[0] < ranges[index - 1][1]) {
          throw new DomainError('tickets.invalid-calendar', `week.${day} has overlapping hours`, 'invalid', { field: `week.${day}` });
        }
      });
      if (ranges.length) hours.set(day, ranges);
    }
    if (hours.size === 0) {
      throw new DomainError('tickets.invalid-calendar', `Calendar ${definition.calendarId} has no working hours`, 'invalid', {
        field: 'week',
      });
    }
    this.hours = hours;
    this.holidayDates = new Set(definition.holidays.map((holiday) => holiday.date));
  }

  get calendarId(): string {
    return this.definition.calendarId;
  }

  /** The instant `minutes` of working time after `start` (start itself when it is 0). */
  addBusinessMinutes(start: string, minutes: number): string {
    return new Date(this.addBusinessMs(Date.parse(start), minutes * MINUTE)).toISOString();
  }

  /** Working minutes in [a, b); 0 when b is not after a. */
  businessMinutesBetween(a: string, b: string): number {
    return this.businessMsBetween(Date.parse(a), Date.parse(b)) / MINUTE;
  }

  isHoliday(localDate: string): boolean {
    return this.holidayDates.has(localDate);
  }

  addBusinessMs(startMs: number, durationMs: number): number {
    if (!Number.isFinite(startMs)) throw new DomainError('tickets.invalid-instant', 'start must be an instant', 'invalid');
    if (durationMs <= 0) return startMs;
    let remaining = durationMs;
    let date = localDateOf(startMs, this.definition.timeZone);
    for (let day = 0; day < MAX_DAYS; day++, date = nextLocalDate(date)) {
      for (const [from, to] of this.workingIntervals(date)) {
        if (to <= startMs) continue;
        const begin = Math.max(from, startMs);
        if (remaining <= to - begin) return begin + remaining;
        remaining -= to - begin;
      }
    }
    throw new DomainError('tickets.calendar-exhausted', `No working time within ${MAX_DAYS} days on ${this.calendarId}`, 'invalid');
  }

  businessMsBetween(aMs: number, bMs: number): number {
    if (!(bMs > aMs)) return 0;
    let total = 0;
    const last = localDateOf(bMs, this.definition.timeZone);
    for (let date = localDateOf(aMs, this.definition.timeZone); date <= last; date = nextLocalDate(date)) {
      for (const [from, to] of this.workingIntervals(date)) {
        const begin = Math.max(from, aMs);
        const end = Math.min(to, bMs);
        if (end > begin) total += end - begin;
      }
    }
    return total;
  }

  /** The working intervals of one local date as UTC milliseconds (none on holidays and days off). */
  workingIntervals(localDate: string): readonly (readonly [number, number])[] {
    const cached = this.days.get(localDate);
    if (cached) return cached;
    const ranges = this.holidayDates.has(localDate) ? [] : (this.hours.get(weekdayOf(localDate)) ?? []);
    const intervals = ranges.map(
      ([from, to]) =>
        [
          localMidnightToUtc(localDate, from, this.definition.timeZone),
          localMidnightToUtc(localDate, to, this.definition.timeZone),
        ] as const,
    );
    if (this.days.size > 20_000) this.days.clear();
    this.days.set(localDate, intervals);
    return intervals;
  }
}
