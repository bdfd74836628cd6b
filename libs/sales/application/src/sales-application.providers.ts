import { CommandHandler, PersonalDataProtector, withPersonalDataProtection, type Clock, type EventStore, type KeyStore } from '@c360/kernel';
import { salesPersonalData } from '@c360/sales-domain';
import { CLOCK, EVENT_STORE, KEY_STORE } from '@c360/runtime';
import type { Provider } from '@nestjs/common';
import { ContractService } from './contracts/contract.service';
import { DealService } from './deals/deal.service';
import { PipelineService } from './pipelines/pipeline.service';
import { DealWonPurchaseRecorder } from './processors/deal-won-purchase.processor';
import { PurchaseService } from './purchases/purchase.service';
import { PipelineHistory } from './queries/pipeline-history.service';
import { SalesQueries } from './queries/sales-queries.service';
import { SALES_COMMANDS, SALES_PRIVACY } from './sales.tokens';

export const SALES_SERVICES = [PipelineService, DealService, PurchaseService, ContractService, SalesQueries, PipelineHistory, DealWonPurchaseRecorder];

/**
 * The sales application layer for a Nest module: its own CommandHandler over the event store seen
 * through the sales PersonalDataProtector (deciders fold plaintext; activity notes are stored sealed).
 */
export const salesApplicationProviders: Provider[] = [
  { provide: SALES_PRIVACY, useFactory: (keys: KeyStore) => new PersonalDataProtector(keys, salesPersonalData), inject: [KEY_STORE] },
  {
    provide: SALES_COMMANDS,
    useFactory: (events: EventStore, protector: PersonalDataProtector, clock: Clock) => new CommandHandler(withPersonalDataProtection(events, protector), clock),
    inject: [EVENT_STORE, SALES_PRIVACY, CLOCK],
  },
  ...SALES_SERVICES,
];
