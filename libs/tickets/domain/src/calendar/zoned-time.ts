/**
 * Local dates and times in an IANA zone without a library: `Intl.DateTimeFormat` tells the wall-clock
 * reading of an instant, from which the zone's offset at that instant follows (DST-correct).
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall clock in the zone at an instant, as if it were UTC (milliseconds), truncated to seconds. */
function wallClockMs(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour === 24 ? 0 : parts.hour, parts.minute, parts.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (Oslo in summer: +7_200_000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const whole = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return wallClockMs(whole, timeZone) - whole;
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function localDateOf(utcMs: number, timeZone: string): string {
  return new Date(utcMs + zoneOffsetMs(utcMs, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant of `minutes` after local midnight of a local date (1440 = the next midnight). A wall time
 * skipped by a DST change resolves to the same distance after the change (02:30 on a spring-forward
 * night in Oslo is 03:30); a repeated one to its later occurrence.
 */
export function localMidnightToUtc(localDate: string, minutes: number, timeZone: string): number {
  const [year, month, day] = localDate.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const second = zoneOffsetMs(first, timeZone);
  return asUtc - second === first ? first : asUtc - second;
}

export function nextLocalDate(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

export function weekdayOf(localDate: string): Weekday {
  return WEEKDAYS[new Date(Date.parse(`${localDate}T00:00:00Z`)).getUTCDay()];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
