import { ACCESS_COMMAND_HANDLERS } from './access/access-command.handlers';
import { AccessExportService } from './access/access-export.service';
import { ContactsAccessExport } from './access/contacts-access-export';
import { CustomerExportService } from './access/customer-export.service';
import { CONSENT_COMMAND_HANDLERS } from './consent/consent-command.handlers';
import { CONSENT_QUERY_HANDLERS } from './consent/consent-query.handlers';
import { ConsentReadService } from './consent/consent-read.service';
import { ConsentService } from './consent/consent.service';
import { contactsOptionsProvider } from './contacts.options';
import { CUSTOMER_COMMAND_HANDLERS } from './customers/customer-command.handlers';
import { CustomerIdentitiesService } from './customers/customer-identities.service';
import { CustomerRegistrationService } from './customers/customer-registration.service';
import { CustomerStreams } from './customers/customer-streams';
import { ProfileUpdateService } from './customers/profile-update.service';
import { ERASURE_COMMAND_HANDLERS } from './erasure/erasure-command.handlers';
import { ErasureService } from './erasure/erasure.service';
import { IdentityClaimKeys } from './identities/identity-claim-keys';
import { IdentityClaims } from './identities/identity-claims.service';
import { CustomerMergeService } from './merges/customer-merge.service';
import { MERGE_COMMAND_HANDLERS } from './merges/merge-command.handlers';
import { MergeUndoService } from './merges/merge-undo.service';
import { CustomerDirectory } from './queries/customer-directory';
import { CUSTOMER_QUERY_HANDLERS } from './queries/customer-query.handlers';
import { CustomerReadService } from './queries/customer-read.service';
import { DuplicateSuggestionService } from './queries/duplicate-suggestions.service';
import { REFERRAL_COMMAND_HANDLERS } from './referrals/referral-command.handlers';
import { REFERRAL_QUERY_HANDLERS } from './referrals/referral-query.handlers';
import { ReferralReadService } from './referrals/referral-read.service';
import { ReferrerService } from './referrals/referrer.service';

/** The use cases' services (and the context's option provider) the handlers delegate to. */
export const CONTACTS_SERVICES = [
  contactsOptionsProvider,
  CustomerStreams,
  IdentityClaimKeys,
  IdentityClaims,
  CustomerDirectory,
  CustomerRegistrationService,
  ProfileUpdateService,
  CustomerIdentitiesService,
  ConsentService,
  ConsentReadService,
  ReferrerService,
  ReferralReadService,
  CustomerMergeService,
  MergeUndoService,
  ErasureService,
  CustomerExportService,
  ContactsAccessExport,
  AccessExportService,
  CustomerReadService,
  DuplicateSuggestionService,
];

export const CONTACTS_COMMAND_HANDLERS = [
  ...CUSTOMER_COMMAND_HANDLERS,
  ...CONSENT_COMMAND_HANDLERS,
  ...REFERRAL_COMMAND_HANDLERS,
  ...MERGE_COMMAND_HANDLERS,
  ...ERASURE_COMMAND_HANDLERS,
  ...ACCESS_COMMAND_HANDLERS,
];

export const CONTACTS_QUERY_HANDLERS = [...CUSTOMER_QUERY_HANDLERS, ...CONSENT_QUERY_HANDLERS, ...REFERRAL_QUERY_HANDLERS];
