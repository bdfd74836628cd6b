import type { CustomerEvent } from '@c360/contacts-domain';
import type { Workflow } from '@c360/kernel';
import { EraseCustomer } from './erasure.commands';

type CustomerErasedEvent = Extract<CustomerEvent, { type: 'contacts.customer-erased' }>;

/**
 * Makes erasure durable: for every `customer-erased` tombstone in the log it (re)sends the erasure,
 * which is a no-op on the erased stream and completes the steps after the tombstone — cascading to
 * merged customers, deleting the key, releasing identity claims — so a crash between the tombstone and
 * the key deletion cannot leave readable personal data behind. After a restore from backup, resetting
 * its checkpoint re-shreds every erased customer.
 */
export const erasureCompletion: Workflow<CustomerErasedEvent, EraseCustomer> = {
  // The first-wave processor's name: it derives the command ids (and carries its checkpoint over).
  name: 'process:contacts-erasure-completion',
  handles: ['contacts.customer-erased'],
  initialState: undefined,
  // One command per event and no step name: the id derives from the event alone, as the first wave's did.
  decide: (event) => [{ command: new EraseCustomer(event.data.customerId, event.data.viaSurvivorId) }],
};
