import { ContactsModule, contactsContext } from '@c360/contacts-api';
import { runService } from '@c360/runtime';

/** The contacts service on its own: the same ContactsModule the all-in-one platform runs. */
runService({
  name: 'Contacts service',
  modules: [ContactsModule],
  settings: contactsContext.settings,
});
