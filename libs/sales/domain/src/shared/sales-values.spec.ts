import { addMonths, daysBetween, isCalendarDate, millisBetween } from './sales-values';

describe('sales values', () => {
  it('adds calendar months, clamping to the month’s end and keeping the anchor day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-02-28', 1, 31)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-05-10', 12)).toBe('2027-05-10');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('measures time between instants and days between dates, never negative time', () => {
    expect(millisBetween('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')).toBe(3_600_000);
    expect(millisBetween('2026-01-01T01:00:00Z', '2026-01-01T00:00:00Z')).toBe(0);
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });
});
