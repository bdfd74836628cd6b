import { BusinessCalendar } from '../calendar/business-calendar';
import { CALENDAR_PRESETS } from '../calendar/calendar-presets';
import type { SlaPolicyVersion, SlaSettings } from '../sla/sla.types';

export const CUSTOMER = '0190a5c4-0000-7000-8000-00000000c001';
export const OTHER_CUSTOMER = '0190a5c4-0000-7000-8000-00000000c002';
export const TICKET = '0190a5c4-0000-7000-8000-000000000001';
export const OTHER_TICKET = '0190a5c4-0000-7000-8000-000000000002';
/** Monday 2026-03-02 09:00 in Oslo (CET, +1). */
export const T0 = '2026-03-02T08:00:00.000Z';

export const osloWeek = new BusinessCalendar({
  ...(CALENDAR_PRESETS.find((preset) => preset.calendarId === 'mon-fri') as (typeof CALENDAR_PRESETS)[number]),
  holidays: [{ date: '2026-04-03', name: 'Good Friday' }],
});

export const policy = (overrides: Partial<SlaPolicyVersion> = {}): SlaPolicyVersion => ({
  policyId: 'normal',
  name: 'Normal',
  priority: 'normal',
  category: null,
  calendarId: 'mon-fri',
  firstResponseMinutes: 60,
  nextUpdateMinutes: 120,
  resolutionMinutes: 480,
  warnBeforeMinutes: 15,
  version: 1,
  ...overrides,
});

export const POLICIES: readonly SlaPolicyVersion[] = [
  policy(),
  policy({
    policyId: 'urgent',
    name: 'Urgent',
    priority: 'urgent',
    firstResponseMinutes: 15,
    nextUpdateMinutes: 30,
    resolutionMinutes: 120,
    warnBeforeMinutes: 5,
  }),
  policy({
    policyId: 'billing-urgent',
    name: 'Urgent billing',
    priority: 'urgent',
    category: 'billing',
    firstResponseMinutes: 10,
    resolutionMinutes: 60,
    warnBeforeMinutes: 5,
  }),
];

export const SLA: SlaSettings = { bookVersion: 3, policies: POLICIES, calendars: new Map([['mon-fri', osloWeek]]) };

/** An instant `minutes` after T0 (wall clock). */
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
