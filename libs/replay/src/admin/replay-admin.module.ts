import type { CheckpointStore, DocumentStore, EventStore, KeyStore } from '@c360/kernel';
import {
  CHECKPOINT_STORE,
  DOCUMENT_STORE,
  EVENT_STORE,
  KEY_STORE,
  PLATFORM_CONFIG,
  ProcessorHost,
  type PlatformConfig,
} from '@c360/runtime';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Contexts } from '../replay-stores';
import { ProjectionRebuilds } from './projection-rebuilds';
import { ProjectionRebuildsController } from './projection-rebuilds.controller';

/** `/admin/projections`: rebuilds inside the running platform, over the projections of `contexts`. */
@Module({})
export class ReplayAdminModule {
  static forContexts(contexts: () => Contexts): DynamicModule {
    const logger = new Logger('Rebuilds');
    return {
      module: ReplayAdminModule,
      controllers: [ProjectionRebuildsController],
      providers: [
        {
          provide: ProjectionRebuilds,
          useFactory: (
            host: ProcessorHost,
            events: EventStore,
            keys: KeyStore,
            documents: DocumentStore,
            checkpoints: CheckpointStore,
            config: PlatformConfig,
          ) => new ProjectionRebuilds(contexts, host, { events, keys, documents, checkpoints }, config, (message) => logger.log(message)),
          inject: [ProcessorHost, EVENT_STORE, KEY_STORE, DOCUMENT_STORE, CHECKPOINT_STORE, PLATFORM_CONFIG],
        },
      ],
    };
  }
}
