import { npsTrend } from './nps-trend';

const month = (name: string, promoters: number, passives: number, detractors: number) => ({
  month: name,
  promoters,
  passives,
  detractors,
  responses: promoters + passives + detractors,
});

describe('NPS trend', () => {
  it('gives each month of the period its NPS and its change since the last month with answers, gaps included', () => {
    const trend = npsTrend('2026-01', '2026-04', [month('2026-01', 5, 3, 2), month('2026-03', 2, 2, 6)]);
    expect(trend.months.map(({ month: name, nps, change, responses }) => ({ name, nps, change, responses }))).toEqual([
      { name: '2026-01', nps: 30, change: null, responses: 10 },
      { name: '2026-02', nps: null, change: null, responses: 0 },
      { name: '2026-03', nps: -40, change: -70, responses: 10 },
      { name: '2026-04', nps: null, change: null, responses: 0 },
    ]);
    expect(trend.period).toEqual({ responses: 20, nps: -5 });
    expect(trend.direction).toBe('down');
  });

  it('crosses the year and says nothing without answers', () => {
    const trend = npsTrend('2025-11', '2026-02', []);
    expect(trend.months.map((entry) => entry.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trend).toMatchObject({ period: { responses: 0, nps: null }, direction: null });
  });
});
