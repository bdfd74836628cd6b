import 'reflect-metadata';
import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigError } from '../config/config-error';
import { loadConfig, type PlatformConfig } from '../config/platform-config';
import { closeOnSignals, createHttpApp } from '../http/http-app';
import { useStructuredLogs } from '../observability/logging/structured-logs';
import { ProcessorHost } from '../processors/processor-host';
import { forwardToProcessorThread } from './forward-to-processor-thread';
import { applyHeapGrowth } from './heap-growth';
import { ProcessorThread, announceReady, answerMainThread, isProcessorThread } from './processor-thread';
import { ServiceModule } from './service.module';

export interface ServiceDefinition {
  /** Shown in logs: `Contacts service`. */
  readonly name: string;
  /** The modules, or a function making them once settings are read (its ConfigError stops the process). */
  readonly modules: ReadonlyArray<Type<unknown> | DynamicModule> | (() => ReadonlyArray<Type<unknown> | DynamicModule>);
  /**
   * Validates the service's own settings before anything opens (throw ConfigError naming the
   * variable) and returns a few words for the start-up line.
   */
  readonly settings?: () => string | undefined;
}

/**
 * The `main` of every app: validate configuration, start Fastify on the configured address, close
 * cleanly on SIGTERM/SIGINT. A bad setting stops the process with a message naming the variable.
 * With role `all` and `C360_PROCESSORS=thread` (the default) the processors run on a worker thread
 * started from the same entry point (ADR 0029); this function is then also that thread's `main`.
 */
export function runService(definition: ServiceDefinition): void {
  const start = isProcessorThread() ? () => runProcessorThread(definition) : () => runMain(definition);
  start().catch((error: unknown) => {
    // A bad configuration is the operator's to fix: say what is wrong, without a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

async function runMain(definition: ServiceDefinition): Promise<void> {
  const config = loadConfig();
  applyHeapGrowth(config.heapGrowthPercent); // process-wide: the processor thread started below has it too
  const extra = definition.settings?.();
  const threaded = config.role === 'all' && config.processors === 'thread';
  // The main thread of a threaded process serves what C360_ROLE=api serves and follows the processors.
  const app = await createApp(definition, threaded ? { ...config, role: 'api' } : config);
  const logger = new Logger(definition.name);
  let thread: ProcessorThread | undefined;
  // Registered before the routes are: the processors' admin API answers from the thread that runs them.
  if (threaded) forwardToProcessorThread(app, () => (thread ? { url: thread.adminUrl, state: thread.state } : undefined));
  await app.init();
  const host = app.get(ProcessorHost, { strict: false });
  if (threaded && host.names().length > 0) {
    const started = new ProcessorThread({ error: (message) => logger.error(message) });
    host.followStatuses(() => started.statuses());
    closeOnSignals(
      app,
      (message) => logger.log(message),
      () => started.stop(),
    );
    thread = started;
  } else {
    closeOnSignals(app, (message) => logger.log(message));
  }
  await app.listen(config.http.port, config.http.host);
  logger.log(
    `${definition.name} listening on http://${config.http.host}:${config.http.port} ` +
      `(event store: ${config.eventStore.kind}, read models: ${config.readModels.kind}, topics: ${config.topics.kind}, ` +
      `processors: ${thread ? 'on their own thread' : config.role === 'api' ? 'elsewhere' : 'on this thread'}, ` +
      `data: ${config.dataDir}${extra ? `, ${extra}` : ''})`,
  );
  // Started once the main thread has opened (and, if need be, repaired and migrated) every store.
  if (thread) await thread.start();
}

/** The processor thread: the same modules with role `processors`, the admin API on a loopback port. */
async function runProcessorThread(definition: ServiceDefinition): Promise<void> {
  const config = loadConfig();
  const app = await createApp(definition, config);
  const processors = app.get(ProcessorHost, { strict: false });
  answerMainThread(
    async () => {
      await app.close().catch((error: unknown) => console.error('processor thread shutdown failed', error));
      process.exit(0); // ends this thread only
    },
    () => processors.statuses(),
  );
  await app.listen(0, '127.0.0.1');
  announceReady(await app.getUrl());
}

async function createApp(definition: ServiceDefinition, config: PlatformConfig) {
  const modules = typeof definition.modules === 'function' ? definition.modules() : definition.modules;
  const app = await createHttpApp(ServiceModule.forRoot(config, modules), config.logLevel, true);
  useStructuredLogs(app);
  return app;
}
