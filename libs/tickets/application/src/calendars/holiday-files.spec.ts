import { ConfigError } from '@c360/runtime';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_HOLIDAYS_DIR } from '../config/tickets-config';
import { loadHolidayFiles, parseHolidayFile } from './holiday-files';

describe('holiday files', () => {
  it('loads the shipped files for Norway, Iran and Thailand, 2026 and 2027', () => {
    const holidays = loadHolidayFiles(SHIPPED_HOLIDAYS_DIR);
    expect([...holidays.keys()].sort()).toEqual(['ir', 'no', 'th']);
    const iran = holidays.get('ir') ?? [];
    expect(iran.filter((h) => h.name.startsWith('Nowruz')).map((h) => h.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2027-03-21',
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
    ]);
    expect((holidays.get('th') ?? []).some((h) => h.date === '2026-04-13')).toBe(true);
  });

  it('names the file and the entry that is wrong', () => {
    const bad = JSON.stringify({
      region: 'ir',
      year: 2026,
      holidays: [
        { date: '2026-03-21', name: 'Nowruz' },
        { date: '2026-02-30', name: 'x' },
        { date: '2027-01-01', name: '' },
      ],
    });
    expect(parseHolidayFile('/h/ir-2026.json', bad)).toEqual({
      problems: [
        '/h/ir-2026.json holidays[1]: date "2026-02-30" is not a calendar date YYYY-MM-DD',
        '/h/ir-2026.json holidays[2]: date 2027-01-01 is not in 2026',
        '/h/ir-2026.json holidays[2]: name must be a non-empty string',
      ],
    });
    expect(parseHolidayFile('/h/ir-2026.json', '{ nope')).toEqual({ problems: [expect.stringMatching(/^\/h\/ir-2026\.json: not JSON/)] });
    expect(parseHolidayFile('/h/iran.json', '{}')).toEqual({ problems: [expect.stringContaining('<region>-<year>.json')] });
  });

  it('refuses to start on a bad file in an operator folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    try {
      writeFileSync(join(dir, 'th-2026.json'), JSON.stringify({ region: 'th', year: 2026, holidays: [{ date: 'soon', name: 'x' }] }));
      expect(() => loadHolidayFiles(dir)).toThrow(ConfigError);
      expect(() => loadHolidayFiles(dir)).toThrow(/th-2026\.json holidays\[0\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
