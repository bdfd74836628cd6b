import type { DocumentStore } from '@c360/kernel';
import {
  ContactsReactions,
  LOYALTY_CONFIG,
  LoyaltyAccountService,
  LoyaltyIdentityService,
  LoyaltyInternalReactions,
  LoyaltyMemberCommands,
  LoyaltyPartners,
  LoyaltyProgramService,
  LoyaltyQueries,
  LoyaltyReferralService,
  LoyaltyReports,
  LoyaltyRewardCatalogue,
  LoyaltyRewardRedemptions,
  LoyaltyScheduler,
  SalesReactions,
  loadLoyaltyConfig,
} from '@c360/loyalty-application';
import {
  LOYALTY_BALANCE_COLLECTION,
  LOYALTY_FRAUD_REVIEW_COLLECTION,
  LOYALTY_LEDGER_COLLECTION,
  LOYALTY_PARTNERS_COLLECTION,
  LOYALTY_PARTNER_SETTLEMENT_COLLECTION,
  LOYALTY_REWARDS_COLLECTION,
  LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
  loyaltyBalanceProjection,
  loyaltyFraudReviewProjection,
  loyaltyLedgerProjection,
  loyaltyMemberActivityProjection,
  loyaltyPartnerCredentialsProjection,
  loyaltyPartnerSettlementProjection,
  loyaltyPartnersProjection,
  loyaltyRewardRedemptionsProjection,
  loyaltyRewardsProjection,
} from '@c360/loyalty-projections';
import { DOCUMENT_STORE, ProcessorHost } from '@c360/runtime';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { LoyaltyAccountsController } from './loyalty-accounts.controller';
import { LoyaltyOperationsController } from './loyalty-operations.controller';
import { PartnerKeyGuard } from './partner-key.guard';
import { LoyaltyPartnerApiController, LoyaltyPartnersController } from './loyalty-partners.controller';
import { LoyaltyProgramController } from './loyalty-program.controller';
import { LoyaltyReportsController } from './loyalty-reports.controller';
import { LoyaltyRewardsController } from './loyalty-rewards.controller';

/**
 * The loyalty bounded context: REST API, read models, reactions to sales and contacts, and the
 * scheduler of time-driven rules. The all-in-one platform and apps/loyalty import this same module.
 */
@Module({
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
    LoyaltyProgramService,
    LoyaltyAccountService,
    LoyaltyMemberCommands,
    LoyaltyQueries,
    LoyaltyReferralService,
    LoyaltyIdentityService,
    LoyaltyRewardCatalogue,
    LoyaltyRewardRedemptions,
    LoyaltyPartners,
    LoyaltyReports,
    PartnerKeyGuard,
    SalesReactions,
    ContactsReactions,
    LoyaltyInternalReactions,
    LoyaltyScheduler,
  ],
  exports: [LoyaltyProgramService, LoyaltyAccountService, LoyaltyQueries, LoyaltyScheduler],
})
export class LoyaltyModule implements OnModuleInit {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly salesReactions: SalesReactions,
    private readonly contactsReactions: ContactsReactions,
    private readonly internalReactions: LoyaltyInternalReactions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.documents.ensureIndex(LOYALTY_BALANCE_COLLECTION, { fields: ['nextDueAt'] });
    await this.documents.ensureIndex(LOYALTY_LEDGER_COLLECTION, { fields: ['customerId', 'seq'] });
    await this.documents.ensureIndex(LOYALTY_REWARDS_COLLECTION, { fields: ['pointsCost'] });
    await this.documents.ensureIndex(LOYALTY_PARTNERS_COLLECTION, { fields: ['name'] });
    await this.documents.ensureIndex(LOYALTY_FRAUD_REVIEW_COLLECTION, { fields: ['status', 'raisedAt'] });
    await this.documents.ensureIndex(LOYALTY_PARTNER_SETTLEMENT_COLLECTION, { fields: ['partnerId', 'day'] });
    await this.documents.ensureIndex(LOYALTY_REWARD_REDEMPTIONS_COLLECTION, { fields: ['status', 'reservedAt'] });
    await this.documents.ensureIndex(LOYALTY_REWARD_REDEMPTIONS_COLLECTION, { fields: ['customerId', 'reservedAt'] });
    this.processors.registerProjection(loyaltyBalanceProjection);
    this.processors.registerProjection(loyaltyLedgerProjection);
    this.processors.registerProjection(loyaltyRewardsProjection);
    this.processors.registerProjection(loyaltyRewardRedemptionsProjection);
    this.processors.registerProjection(loyaltyPartnerCredentialsProjection);
    this.processors.registerProjection(loyaltyPartnersProjection);
    this.processors.registerProjection(loyaltyPartnerSettlementProjection);
    this.processors.registerProjection(loyaltyMemberActivityProjection);
    this.processors.registerProjection(loyaltyFraudReviewProjection);
    this.processors.register(this.salesReactions);
    this.processors.register(this.contactsReactions);
    this.processors.register(this.internalReactions);
  }
}
