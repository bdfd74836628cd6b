import type { BusinessCalendarDefinition, WorkingHours } from './business-calendar';

const day = (from: string, to: string): readonly WorkingHours[] => [{ from, to }];

/**
 * The working weeks shipped with the platform, without holidays: the application layer adds the
 * holidays of each preset's region from the holiday files (`holidayRegion`).
 */
export interface CalendarPreset extends Omit<BusinessCalendarDefinition, 'holidays'> {
  /** Holiday files `<region>-<year>.json` belong to this preset. */
  readonly holidayRegion: string;
}

export const CALENDAR_PRESETS: readonly CalendarPreset[] = [
  {
    calendarId: 'mon-fri',
    name: 'Monday–Friday 08:00–16:00 (Norway)',
    timeZone: 'Europe/Oslo',
    holidayRegion: 'no',
    week: {
      mon: day('08:00', '16:00'),
      tue: day('08:00', '16:00'),
      wed: day('08:00', '16:00'),
      thu: day('08:00', '16:00'),
      fri: day('08:00', '16:00'),
    },
  },
  {
    // The Iranian working week: Saturday to Wednesday, Thursday a half day, Friday the weekend.
    calendarId: 'ir-week',
    name: 'Saturday–Wednesday 08:00–16:00, Thursday 08:00–12:00 (Iran)',
    timeZone: 'Asia/Tehran',
    holidayRegion: 'ir',
    week: {
      sat: day('08:00', '16:00'),
      sun: day('08:00', '16:00'),
      mon: day('08:00', '16:00'),
      tue: day('08:00', '16:00'),
      wed: day('08:00', '16:00'),
      thu: day('08:00', '12:00'),
    },
  },
  {
    // Thai offices: Monday to Friday with the lunch hour off.
    calendarId: 'th-week',
    name: 'Monday–Friday 08:30–17:30, lunch 12:00–13:00 (Thailand)',
    timeZone: 'Asia/Bangkok',
    holidayRegion: 'th',
    week: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((weekday) => [
        weekday,
        [
          { from: '08:30', to: '12:00' },
          { from: '13:00', to: '17:30' },
        ],
      ]),
    ),
  },
  {
    calendarId: 'always',
    name: 'Around the clock (24/7, UTC)',
    timeZone: 'UTC',
    holidayRegion: 'none',
    week: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => [weekday, day('00:00', '24:00')]),
    ),
  },
];
