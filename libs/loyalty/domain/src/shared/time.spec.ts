import { addMonths, startOfNextMonth, startOfNextYear, startOfPeriod } from './time';

describe('calendar arithmetic (UTC)', () => {
  it('adds months and clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31T10:00:00.000Z', 1)).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths('2028-01-31T10:00:00.000Z', 1)).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths('2026-03-15T00:00:00.000Z', 12)).toBe('2027-03-15T00:00:00.000Z');
    expect(addMonths('2026-03-15T00:00:00.000Z', -12)).toBe('2025-03-15T00:00:00.000Z');
  });

  it('finds the start of the next month and year', () => {
    expect(startOfNextMonth('2026-12-15T08:00:00.000Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(startOfNextYear('2026-06-15T08:00:00.000Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds the start of a day, an ISO week (Monday), a month and a year', () => {
    const sunday = '2026-03-15T22:00:00.000Z';
    expect(startOfPeriod(sunday, 'day')).toBe('2026-03-15T00:00:00.000Z');
    expect(startOfPeriod(sunday, 'week')).toBe('2026-03-09T00:00:00.000Z');
    expect(startOfPeriod('2026-03-16T01:00:00.000Z', 'week')).toBe('2026-03-16T00:00:00.000Z');
    expect(startOfPeriod(sunday, 'month')).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfPeriod(sunday, 'year')).toBe('2026-01-01T00:00:00.000Z');
  });
});
