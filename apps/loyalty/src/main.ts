import 'reflect-metadata';
import { loadLoyaltyConfig } from '@c360/loyalty-application';
import { ConfigError, createHttpApp, loadConfig } from '@c360/runtime';
import { Logger } from '@nestjs/common';
import { LoyaltyAppModule } from './loyalty-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const loyalty = loadLoyaltyConfig(); // fail fast on a bad LOYALTY_* variable, before anything opens
  const app = await createHttpApp(LoyaltyAppModule.forRoot(config), config.logLevel);
  await app.listen(config.http.port, config.http.host);
  new Logger('Loyalty').log(
    `Loyalty service listening on http://${config.http.host}:${config.http.port} ` +
      `(event store: ${config.eventStore.kind}, read models: ${config.readModels.kind}, ` +
      `scheduler: ${loyalty.schedulerIntervalMs > 0 ? `every ${loyalty.schedulerIntervalMs} ms` : 'off'}, data: ${config.dataDir})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
