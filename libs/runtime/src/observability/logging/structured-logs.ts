import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/** Every Nest `Logger` call of the app goes through pino from here on, including the lines buffered during start-up. */
export function useStructuredLogs(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}
