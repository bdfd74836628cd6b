import {
  CommandHandler,
  UpcasterRegistry,
  systemClock,
  uuidV7Generator,
  withUpcasting,
  type Clock,
  type IdGenerator,
  type EventStore,
  type Upcaster,
} from '@c360/kernel';
import { AccessExports } from '../context/access-export/access-exports';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';
import { withPositionRecording } from '../http/request-positions';
import { ProcessorHost } from '../processors/processor-host';
import { createStores, type Stores } from './store-factory';
import {
  CHECKPOINT_STORE,
  CLOCK,
  DOCUMENT_STORE,
  EVENT_STORE,
  ID_GENERATOR,
  KEY_STORE,
  PLATFORM_CONFIG,
  RAW_EVENT_STORE,
  RELAY_CHECKPOINT_STORE,
  SCRATCH_STORES,
} from './tokens';
import { inMemoryScratchStores } from './scratch-stores';

const STORES = Symbol('Stores');

export interface InfrastructureOptions {
  readonly config: PlatformConfig;
  /** Tests pass a FakeClock; production uses the system clock. */
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Tests may hand in stores they built themselves. */
  readonly stores?: Stores;
  /** Every context's upcasters: all readers then see events in their current schema version. */
  readonly upcasters?: readonly Upcaster[];
}

/**
 * Provides the ports (event store, read models, checkpoints, clock, ids), the generic command handler
 * and the processor host to every context module. Imported once, by the app.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(STORES) private readonly stores: Stores) {}

  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: options.config },
        { provide: STORES, useFactory: () => options.stores ?? createStores(options.config) },
        {
          provide: EVENT_STORE,
          // Every append notes its position for the request in progress: read-your-writes (C360-Position).
          useFactory: (stores: Stores) => withPositionRecording(withUpcasting(stores.eventStore, new UpcasterRegistry(options.upcasters))),
          inject: [STORES],
        },
        { provide: DOCUMENT_STORE, useFactory: (stores: Stores) => stores.documents, inject: [STORES] },
        { provide: CHECKPOINT_STORE, useFactory: (stores: Stores) => stores.checkpoints, inject: [STORES] },
        { provide: RELAY_CHECKPOINT_STORE, useFactory: (stores: Stores) => stores.relayCheckpoints, inject: [STORES] },
        { provide: RAW_EVENT_STORE, useFactory: (stores: Stores) => stores.eventStore, inject: [STORES] },
        { provide: KEY_STORE, useFactory: (stores: Stores) => stores.keyStore, inject: [STORES] },
        { provide: SCRATCH_STORES, useValue: inMemoryScratchStores },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: ID_GENERATOR, useValue: options.ids ?? uuidV7Generator },
        {
          provide: CommandHandler,
          useFactory: (eventStore: EventStore, clock: Clock) => new CommandHandler(eventStore, clock),
          inject: [EVENT_STORE, CLOCK],
        },
        ProcessorHost,
        AccessExports,
      ],
      exports: [
        PLATFORM_CONFIG,
        EVENT_STORE,
        RAW_EVENT_STORE,
        DOCUMENT_STORE,
        CHECKPOINT_STORE,
        RELAY_CHECKPOINT_STORE,
        KEY_STORE,
        SCRATCH_STORES,
        CLOCK,
        ID_GENERATOR,
        CommandHandler,
        ProcessorHost,
        AccessExports,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
  }
}
