/**
 * Calendar arithmetic on ISO-8601 instants, in UTC. Instants are stored as `toISOString()` strings
 * (fixed width, `Z`), so they also compare correctly as strings. Time never comes from the system
 * clock here: every function takes the instant it works on.
 */

const DAY_MS = 86_400_000;

export function toInstant(date: Date): string {
  return date.toISOString();
}

export function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO-8601 instant: "${iso}"`);
  return date;
}

/** Normalises any ISO-8601 instant to the canonical `toISOString()` form. */
export function normaliseInstant(iso: string): string {
  return parseInstant(iso).toISOString();
}

export function addDays(iso: string, days: number): string {
  return new Date(parseInstant(iso).getTime() + days * DAY_MS).toISOString();
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (31 January + 1 month = 28/29 February), as people expect from "valid for one month".
 */
export function addMonths(iso: string, months: number): string {
  const date = parseInstant(iso);
  const targetMonthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  ).toISOString();
}

/** The first instant of the month after the one `iso` falls in. */
export function startOfNextMonth(iso: string): string {
  const date = parseInstant(iso);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString();
}

/** The first instant of the year after the one `iso` falls in. */
export function startOfNextYear(iso: string): string {
  const date = parseInstant(iso);
  return new Date(Date.UTC(date.getUTCFullYear() + 1, 0, 1)).toISOString();
}

export type CalendarPeriod = 'day' | 'week' | 'month' | 'year';

/** The first instant of the calendar period (UTC; weeks start on Monday, as ISO 8601) containing `iso`. */
export function startOfPeriod(iso: string, period: CalendarPeriod): string {
  const date = parseInstant(iso);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  switch (period) {
    case 'day':
      return new Date(Date.UTC(year, month, day)).toISOString();
    case 'week': {
      const mondayOffset = (date.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(year, month, day - mondayOffset)).toISOString();
    }
    case 'month':
      return new Date(Date.UTC(year, month, 1)).toISOString();
    case 'year':
      return new Date(Date.UTC(year, 0, 1)).toISOString();
  }
}

export function minInstant(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}
