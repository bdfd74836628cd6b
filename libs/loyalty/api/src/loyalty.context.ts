import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REFERRED,
  CONTACTS_DUPLICATE_SUSPECTED,
  CONTACTS_MERGE_UNDONE,
  LOYALTY_CONFIG,
  LOYALTY_HANDLERS,
  LOYALTY_SERVICES,
  LoyaltyAccessExport,
  SALES_CONTRACT_RENEWED,
  SALES_PURCHASE_RECORDED,
  SALES_PURCHASE_REFUNDED,
  SURVEYS_ANSWER_RECORDED,
  contactsReactionsWorkflow,
  loadLoyaltyConfig,
  loyaltyInternalReactionsWorkflow,
  salesReactionsWorkflow,
  surveysReactionsWorkflow,
} from '@c360/loyalty-application';
import {
  loyaltyAccount,
  loyaltyEventFields,
  loyaltyIdentity,
  loyaltyPartner,
  loyaltyProgram,
  loyaltyReferral,
  loyaltyReward,
} from '@c360/loyalty-domain';
import { customerDirectoryProjection } from '@c360/contacts-contracts';
import { LOYALTY_INTEGRATION_EVENTS, LOYALTY_TIMELINE } from '@c360/loyalty-contracts';
import { LOYALTY_PROJECTIONS } from '@c360/loyalty-projections';
import { ContextModule, defineContext } from '@c360/runtime';
import { LoyaltyAccountsController } from './loyalty-accounts.controller';
import { LoyaltyOperationsController } from './loyalty-operations.controller';
import { LoyaltyPartnerApiController, LoyaltyPartnersController } from './loyalty-partners.controller';
import { LoyaltyProgramController } from './loyalty-program.controller';
import { LoyaltyReportsController } from './loyalty-reports.controller';
import { LoyaltyRewardsController } from './loyalty-rewards.controller';
import { PartnerKeyGuard } from './partner-key.guard';
import { LOYALTY_GRAPHQL } from './graphql/loyalty.graphql';

/**
 * The loyalty bounded context in one place: accounts with points lots and tiers, the programme's
 * rules, rewards, coalition partners, referrals and fraud review; its read models, its reactions to
 * sales, contacts and surveys (and to its own events), and the scheduler of time-driven rules. Loyalty's
 * events hold ids, points and instants; the free-text reference of a manual adjustment is personal.
 */
export const loyaltyContext = defineContext({
  name: 'loyalty',
  description: 'Points as lots, tiers, rewards, partners, referrals and fraud review; reactions to sales and contacts',
  aggregates: [loyaltyAccount, loyaltyProgram, loyaltyReward, loyaltyPartner, loyaltyReferral, loyaltyIdentity],
  eventFields: loyaltyEventFields,
  // Loyalty never enrols an id contacts never registered (ADR 0013).
  customerDirectory: customerDirectoryProjection('loyalty'),
  projections: LOYALTY_PROJECTIONS,
  workflows: [salesReactionsWorkflow, contactsReactionsWorkflow, loyaltyInternalReactionsWorkflow, surveysReactionsWorkflow],
  accessExport: LoyaltyAccessExport,
  publishes: LOYALTY_INTEGRATION_EVENTS,
  // How its events read on the customer 360 timeline.
  timeline: LOYALTY_TIMELINE,
  consumes: [
    SALES_PURCHASE_RECORDED,
    SALES_PURCHASE_REFUNDED,
    SALES_CONTRACT_RENEWED,
    CONTACTS_CUSTOMER_REFERRED,
    CONTACTS_DUPLICATE_SUSPECTED,
    CONTACTS_CUSTOMERS_MERGED,
    CONTACTS_MERGE_UNDONE,
    CONTACTS_CUSTOMER_ERASED,
    SURVEYS_ANSWER_RECORDED,
  ],
  graphql: LOYALTY_GRAPHQL,
  controllers: [
    LoyaltyAccountsController,
    LoyaltyProgramController,
    LoyaltyOperationsController,
    LoyaltyRewardsController,
    LoyaltyPartnersController,
    LoyaltyPartnerApiController,
    LoyaltyReportsController,
  ],
  providers: [
    { provide: LOYALTY_CONFIG, useFactory: () => loadLoyaltyConfig() },
    ...LOYALTY_SERVICES,
    ...LOYALTY_HANDLERS,
    PartnerKeyGuard,
  ],
  settings: () => {
    const { schedulerIntervalMs } = loadLoyaltyConfig();
    return `scheduler: ${schedulerIntervalMs > 0 ? `every ${schedulerIntervalMs} ms` : 'off'}`;
  },
});

/** Kept so that the platform, apps/loyalty and the specs import the module unchanged. */
export const LoyaltyModule = ContextModule.register(loyaltyContext);
