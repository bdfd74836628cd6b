export * from './calendar/zoned-time';
export * from './calendar/business-calendar';
export * from './calendar/calendar-presets';
