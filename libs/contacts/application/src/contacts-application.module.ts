import { contactsPersonalData } from '@c360/contacts-domain';
import { customerAliasesProjection, customerConsentsProjection, customerProfileProjection } from '@c360/contacts-projections';
import {
  CommandHandler,
  DocumentProjector,
  PersonalDataProtector,
  revealingProcessor,
  withPersonalDataProtection,
  type Clock,
  type DocumentProjection,
  type DocumentStore,
  type EventStore,
  type KeyStore,
} from '@c360/kernel';
import { CLOCK, DOCUMENT_STORE, EVENT_STORE, KEY_STORE, ProcessorHost } from '@c360/runtime';
import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { ExportCustomerHandler } from './access/export-customer.handler';
import { ConsentHandler } from './consent/consent.handler';
import { ConsentQueries } from './consent/consent.queries';
import {
  CONTACTS_COMMANDS,
  CONTACTS_EVENTS,
  CONTACTS_OPTIONS,
  CONTACTS_PRIVACY,
  contactsOptionsFromEnv,
  type ContactsOptions,
} from './contacts.tokens';
import { CustomerIdentitiesHandler } from './customers/customer-identities.handler';
import { CustomerStreams } from './customers/customer-streams';
import { RegisterCustomerHandler } from './customers/register-customer.handler';
import { UpdateProfileHandler } from './customers/update-profile.handler';
import { ErasureCompletionProcessor } from './erasure/erasure-completion.processor';
import { ErasureService } from './erasure/erasure.service';
import { IdentityClaims } from './identities/identity-claims.service';
import { MergeCustomersHandler } from './merges/merge-customers.handler';
import { UndoMergeHandler } from './merges/undo-merge.handler';
import { CustomerDirectory } from './queries/customer-directory';
import { CustomerQueries } from './queries/customer.queries';
import { DuplicateQueries } from './queries/duplicates.queries';
import { ReferralQueries } from './referrals/referral.queries';
import { SetReferrerHandler } from './referrals/set-referrer.handler';

const HANDLERS = [
  CustomerStreams,
  IdentityClaims,
  CustomerDirectory,
  RegisterCustomerHandler,
  UpdateProfileHandler,
  CustomerIdentitiesHandler,
  ConsentHandler,
  ConsentQueries,
  SetReferrerHandler,
  ReferralQueries,
  MergeCustomersHandler,
  UndoMergeHandler,
  ErasureService,
  ErasureCompletionProcessor,
  ExportCustomerHandler,
  CustomerQueries,
  DuplicateQueries,
];

/**
 * The contacts application layer: its own CommandHandler over the event store seen through the
 * PersonalDataProtector (deciders fold plaintext, the store holds ciphertext), the read models
 * (registered behind a revealing processor, so projections see plaintext) and the erasure processor.
 */
@Module({})
export class ContactsApplicationModule implements OnModuleInit {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CONTACTS_PRIVACY) private readonly protector: PersonalDataProtector,
    private readonly erasureCompletion: ErasureCompletionProcessor,
  ) {}

  static forRoot(options: Partial<ContactsOptions> = {}): DynamicModule {
    return {
      module: ContactsApplicationModule,
      providers: [
        { provide: CONTACTS_OPTIONS, useFactory: () => ({ ...contactsOptionsFromEnv(), ...options }) },
        {
          provide: CONTACTS_PRIVACY,
          useFactory: (keys: KeyStore) => new PersonalDataProtector(keys, contactsPersonalData),
          inject: [KEY_STORE],
        },
        {
          provide: CONTACTS_EVENTS,
          useFactory: (events: EventStore, protector: PersonalDataProtector) => withPersonalDataProtection(events, protector),
          inject: [EVENT_STORE, CONTACTS_PRIVACY],
        },
        {
          provide: CONTACTS_COMMANDS,
          useFactory: (events: EventStore, clock: Clock) => new CommandHandler(events, clock),
          inject: [CONTACTS_EVENTS, CLOCK],
        },
        ...HANDLERS,
      ],
      exports: [CONTACTS_OPTIONS, CONTACTS_EVENTS, ...HANDLERS],
    };
  }

  onModuleInit(): void {
    const projections: DocumentProjection<object>[] = [
      customerProfileProjection as DocumentProjection<object>,
      customerConsentsProjection as DocumentProjection<object>,
      customerAliasesProjection as DocumentProjection<object>,
    ];
    for (const projection of projections) {
      this.processors.register(revealingProcessor(new DocumentProjector(projection, this.documents), this.protector));
    }
    this.processors.register(this.erasureCompletion);
  }
}
