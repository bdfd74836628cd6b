import { ContactsModule } from '@c360/contacts-api';
import { LoyaltyModule } from '@c360/loyalty-api';
import { RelayModule } from '@c360/relay';
import { SalesModule } from '@c360/sales-api';
import type { DynamicModule, Type } from '@nestjs/common';

/**
 * The bounded contexts (and their projections, process managers and the relay) that the all-in-one
 * platform runs. Each standalone app under apps/ imports the same modules, one context at a time.
 */
export const contextModules: Array<Type<unknown> | DynamicModule> = [ContactsModule, LoyaltyModule, RelayModule, SalesModule];
