import {
  ContactsAccessExport,
  CONTACTS_COMMAND_HANDLERS,
  CONTACTS_QUERY_HANDLERS,
  CONTACTS_SERVICES,
  contactsSettings,
  erasureCompletion,
} from '@c360/contacts-application';
import { CONTACTS_INTEGRATION_EVENTS, CONTACTS_TIMELINE } from '@c360/contacts-contracts';
import { accessExportRecordAggregate, contactsEventFields, customerAggregate, identityClaimAggregate } from '@c360/contacts-domain';
import { customerAliasesProjection, customerConsentsProjection, customerProfileProjection } from '@c360/contacts-projections';
import { ContextModule, defineContext } from '@c360/runtime';
import { CustomerConsentsController } from './controllers/customer-consents.controller';
import { CustomerIdentitiesController } from './controllers/customer-identities.controller';
import { CustomerMergesController } from './controllers/customer-merges.controller';
import { CustomerReferralsController } from './controllers/customer-referrals.controller';
import { CustomersController } from './controllers/customers.controller';
import { CONTACTS_GRAPHQL } from './graphql/contacts.graphql';

/**
 * The contacts bounded context: customers (profile, e-mails and phones, consent, referrals, merges,
 * erasure by crypto-shredding, access export) and the identity claims that keep an e-mail or phone
 * with one active customer. Its events are sealed with each customer's key; its read models see them
 * revealed. Phones without a country code default to region NO, or to CONTACTS_DEFAULT_PHONE_REGION
 * when set (validated at start-up). Other contexts ask it questions through the QueryBus
 * (GetConsentAt: "may we contact them at t?").
 */
export const contactsContext = defineContext({
  name: 'contacts',
  description: 'Customers and their identities, consent, referrals, merges, erasure and access export',
  aggregates: [customerAggregate, identityClaimAggregate, accessExportRecordAggregate],
  eventFields: contactsEventFields,
  projections: [customerProfileProjection, customerConsentsProjection, customerAliasesProjection],
  workflows: [erasureCompletion],
  accessExport: ContactsAccessExport,
  publishes: CONTACTS_INTEGRATION_EVENTS,
  // How its events read on the customer 360 timeline.
  timeline: CONTACTS_TIMELINE,
  graphql: CONTACTS_GRAPHQL,
  controllers: [
    CustomersController,
    CustomerIdentitiesController,
    CustomerConsentsController,
    CustomerReferralsController,
    CustomerMergesController,
  ],
  providers: [...CONTACTS_SERVICES, ...CONTACTS_COMMAND_HANDLERS, ...CONTACTS_QUERY_HANDLERS],
  settings: contactsSettings,
});

/** Kept under its first-wave name so that the platform, the app and the specs import it unchanged. */
export const ContactsModule = ContextModule.register(contactsContext);
