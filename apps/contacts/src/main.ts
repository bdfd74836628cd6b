import 'reflect-metadata';
import { contactsOptionsFromEnv } from '@c360/contacts-application';
import { closeOnSignals, ConfigError, createHttpApp, loadConfig } from '@c360/runtime';
import { Logger } from '@nestjs/common';
import { ContactsAppModule } from './contacts-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const contacts = contactsOptionsFromEnv(); // fail fast on a bad CONTACTS_* variable, before anything opens
  const app = await createHttpApp(ContactsAppModule.forRoot(config), config.logLevel);
  const logger = new Logger('Contacts');
  closeOnSignals(app, (message) => logger.log(message));
  await app.listen(config.http.port, config.http.host);
  logger.log(
    `Contacts service listening on http://${config.http.host}:${config.http.port} ` +
      `(event store: ${config.eventStore.kind}, read models: ${config.readModels.kind}, ` +
      `default phone region: ${contacts.defaultPhoneRegion}, keys: ${config.dataDir}/keys.db)`,
  );
}

main().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what is wrong, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
