import type { DynamicModule } from '@nestjs/common';

/**
 * A module with nothing to do where no API is served (`C360_ROLE=processors`, and the processor thread
 * of ADR 0029): the service leaves it out there, and saves its memory and start-up time.
 */
export interface ApiOnlyModule extends DynamicModule {
  readonly apiOnly: true;
}

export function isApiOnly(module: unknown): boolean {
  return (module as Partial<ApiOnlyModule>).apiOnly === true;
}
