import { DomainError } from '@c360/kernel';
import { BusinessCalendar, CALENDAR_PRESETS, type BusinessCalendarDefinition } from '@c360/tickets-domain';
import { Inject, Injectable } from '@nestjs/common';
import { TICKETS_CONFIG, type TicketsConfig } from '../config/tickets-config';
import { loadHolidayFiles } from './holiday-files';

/**
 * The business calendars SLA policies count on: the shipped presets with the holidays of their region
 * from the holiday files, loaded and checked once at start.
 */
@Injectable()
export class TicketCalendars {
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;

  constructor(@Inject(TICKETS_CONFIG) config: TicketsConfig) {
    const holidays = loadHolidayFiles(config.holidaysDir);
    this.calendars = new Map(
      CALENDAR_PRESETS.map(({ holidayRegion, ...preset }) => [
        preset.calendarId,
        new BusinessCalendar({ ...preset, holidays: holidays.get(holidayRegion) ?? [] }),
      ]),
    );
  }

  ids(): string[] {
    return [...this.calendars.keys()];
  }

  definitions(): BusinessCalendarDefinition[] {
    return [...this.calendars.values()].map((calendar) => calendar.definition);
  }

  get(calendarId: string): BusinessCalendar {
    const found = this.calendars.get(calendarId);
    if (!found) throw new DomainError('tickets.calendar-not-found', `No calendar ${calendarId}`, 'not-found', { calendarId });
    return found;
  }
}
