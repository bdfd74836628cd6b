import { DomainError } from '@c360/kernel';

/**
 * Value rules shared by every sales aggregate. The API's DTOs check shapes first; these checks keep the
 * deciders honest for every other caller (process managers, imports, tests).
 */

const CURRENCY = /^[A-Z]{3}$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const IDENTIFIER = /^[A-Za-z0-9._:/@-]{1,128}$/;
const DAY_MS = 86_400_000;

/** An amount in minor units: a safe integer, at least `min` (0 unless said otherwise). */
export function requireAmount(amount: number, field: string, min = 0): void {
  if (!Number.isSafeInteger(amount) || amount < min) {
    throw new DomainError('sales.invalid-amount', `${field} must be an integer in minor units, at least ${min}`, 'invalid', { field });
  }
}

export function requireCurrency(currency: string, field = 'currency'): void {
  if (!CURRENCY.test(currency)) {
    throw new DomainError('sales.invalid-currency', `${field} must be an ISO-4217 code such as EUR`, 'invalid', { field });
  }
}

/** Trimmed, non-empty text of at most `max` characters. */
export function requireText(value: string, field: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) {
    throw new DomainError('sales.invalid-text', `${field} must be 1 to ${max} characters`, 'invalid', { field });
  }
  return trimmed;
}

/** An identifier from another system (an order id, a SKU, a deal source): no spaces, no free text. */
export function requireIdentifier(value: string, field: string): void {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw new DomainError('sales.invalid-identifier', `${field} must be 1-128 letters, digits or ._:/@-`, 'invalid', { field });
  }
}

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function requireCalendarDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new DomainError('sales.invalid-date', `${field} must be a calendar date YYYY-MM-DD`, 'invalid', { field });
  }
}

/** The UTC calendar date of an ISO-8601 instant. */
export function dateOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Milliseconds from one instant to a later one; never negative (clocks of two writers may disagree). */
export function millisBetween(from: string, to: string): number {
  return Math.max(0, new Date(to).getTime() - new Date(from).getTime());
}

/** Whole days between two calendar dates (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * `date` plus whole calendar months. The day is `anchorDay` (default: the date's own day), clamped to
 * the month's length: a term anchored on the 31st renews on Feb 28, then on Mar 31 again — no drift.
 */
export function addMonths(date: string, months: number, anchorDay?: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(anchorDay ?? day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
