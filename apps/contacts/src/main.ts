import { ContactsModule } from '@c360/contacts-api';
import { contactsOptionsFromEnv } from '@c360/contacts-application';
import { runService } from '@c360/runtime';

/** The contacts service on its own: the same ContactsModule the all-in-one platform runs. */
runService({
  name: 'Contacts service',
  modules: [ContactsModule],
  settings: () => `default phone region: ${contactsOptionsFromEnv().defaultPhoneRegion}`,
});
