import { ACCOUNT_COMMAND_HANDLERS } from './accounts/account-command.handlers';
import { ACCOUNT_QUERY_HANDLERS } from './accounts/account-query.handlers';
import { LoyaltyAccountService } from './accounts/loyalty-account.service';
import { LoyaltyMemberCommands } from './accounts/loyalty-member-commands';
import { LoyaltyQueries } from './accounts/loyalty-queries.service';
import { LoyaltyIdentityService } from './fraud/loyalty-identity.service';
import { PARTNER_HANDLERS } from './partners/partner.handlers';
import { LoyaltyPartners } from './partners/loyalty-partner.service';
import { PROGRAM_HANDLERS } from './program/program.handlers';
import { LoyaltyProgramService } from './program/loyalty-program.service';
import { LOYALTY_REACTION_HANDLERS } from './reactions/reaction-command.handlers';
import { LoyaltyReferralService } from './referrals/loyalty-referral.service';
import { REPORT_HANDLERS } from './reports/report-query.handlers';
import { LoyaltyReports } from './reports/loyalty-reports.service';
import { REWARD_HANDLERS } from './rewards/reward.handlers';
import { LoyaltyRewardCatalogue } from './rewards/loyalty-reward-catalogue.service';
import { LoyaltyRewardRedemptions } from './rewards/loyalty-reward-redemption.service';
import { RunSchedulerHandler } from './scheduler/scheduler.commands';
import { LoyaltyScheduler } from './scheduler/loyalty-scheduler';

/** The services behind loyalty's use cases (they inject the context's CommandHandler, Clock, ids, documents). */
export const LOYALTY_SERVICES = [
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
  LoyaltyScheduler,
];

/** Every CQRS handler: the routes', the workflows' and the scheduler run's. */
export const LOYALTY_HANDLERS = [
  ...ACCOUNT_COMMAND_HANDLERS,
  ...ACCOUNT_QUERY_HANDLERS,
  ...PROGRAM_HANDLERS,
  ...REWARD_HANDLERS,
  ...PARTNER_HANDLERS,
  ...REPORT_HANDLERS,
  ...LOYALTY_REACTION_HANDLERS,
  RunSchedulerHandler,
];
