import { ContactsApplicationModule } from '@c360/contacts-application';
import { Module } from '@nestjs/common';
import { CustomerConsentsController } from './controllers/customer-consents.controller';
import { CustomerIdentitiesController } from './controllers/customer-identities.controller';
import { CustomerMergesController } from './controllers/customer-merges.controller';
import { CustomerReferralsController } from './controllers/customer-referrals.controller';
import { CustomersController } from './controllers/customers.controller';

const CONTROLLERS = [
  CustomersController,
  CustomerIdentitiesController,
  CustomerConsentsController,
  CustomerReferralsController,
  CustomerMergesController,
];

/**
 * The contacts bounded context as one Nest module: REST API, application layer, read models and the
 * erasure processor. Phones without a country code default to region NO, or to
 * CONTACTS_DEFAULT_PHONE_REGION when set (validated at start-up). Modules that import it can inject
 * the application services (for example ConsentQueries, to ask "may we contact them at t?").
 */
@Module({ imports: [ContactsApplicationModule.forRoot()], controllers: CONTROLLERS, exports: [ContactsApplicationModule] })
export class ContactsModule {}
