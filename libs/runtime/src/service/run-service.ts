import 'reflect-metadata';
import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/platform-config';
import { closeOnSignals, createHttpApp } from '../http/http-app';
import { useStructuredLogs } from '../observability/logging/structured-logs';
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
 */
export function runService(definition: ServiceDefinition): void {
  const start = async () => {
    const config = loadConfig();
    const extra = definition.settings?.();
    const modules = typeof definition.modules === 'function' ? definition.modules() : definition.modules;
    const app = await createHttpApp(ServiceModule.forRoot(config, modules), config.logLevel, true);
    useStructuredLogs(app);
    const logger = new Logger(definition.name);
    closeOnSignals(app, (message) => logger.log(message));
    await app.listen(config.http.port, config.http.host);
    logger.log(
      `${definition.name} listening on http://${config.http.host}:${config.http.port} ` +
        `(event store: ${config.eventStore.kind}, read models: ${config.readModels.kind}, topics: ${config.topics.kind}, ` +
        `data: ${config.dataDir}${extra ? `, ${extra}` : ''})`,
    );
  };
  start().catch((error: unknown) => {
    // A bad configuration is the operator's to fix: say what is wrong, without a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
