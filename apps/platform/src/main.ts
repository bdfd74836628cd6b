import 'reflect-metadata';
import { closeOnSignals, ConfigError, createHttpApp, loadConfig } from '@c360/runtime';
import { Logger } from '@nestjs/common';
import { PlatformModule } from './platform.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(PlatformModule.forRoot(config), config.logLevel);
  const logger = new Logger('Platform');
  closeOnSignals(app, (message) => logger.log(message));
  await app.listen(config.http.port, config.http.host);
  logger.log(
    `Customer 360 listening on http://${config.http.host}:${config.http.port} ` +
      `(event store: ${config.eventStore.kind}, read models: ${config.readModels.kind}, topics: ${config.topics.kind}, data: ${config.dataDir})`,
  );
}

main().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what is wrong, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
