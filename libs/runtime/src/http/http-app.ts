import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IEntryNestModule } from '@nestjs/core/nest-factory';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorFilter } from './error.filter';
import { useStrictJsonBodies } from './json-body-parser';
import { serveApiDocs } from '../openapi/openapi.setup';
import { createValidationPipe } from './validation';

const LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Fastify (≈4× Express's throughput here), one validation pipe and one error filter for every app. */
export async function createHttpApp(rootModule: IEntryNestModule, logLevel = 'log', bufferLogs = false): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter({ bodyLimit: 1_048_576 }), {
    logger: LEVELS[logLevel] ?? LEVELS.log,
    abortOnError: false,
    // Held until the app's structured logger takes over (runService), so start-up lines come out as JSON too.
    bufferLogs,
  });
  configureHttpApp(app);
  return app;
}

export function configureHttpApp(app: NestFastifyApplication): void {
  useStrictJsonBodies(app);
  serveApiDocs(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
}

/**
 * On SIGTERM/SIGINT: stop taking requests, stop processors, flush and close the stores, then exit 0
 * (`afterClose` runs in between: the processor thread's own clean stop).
 * (Nest's own shutdown hooks re-raise the signal, which reads as a crash to supervisors.)
 */
export function closeOnSignals(app: INestApplication, log: (message: string) => void, afterClose?: () => Promise<void>): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: shutting down`);
    app
      .close()
      .then(afterClose)
      .then(
        () => {
          log('stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
