import {
  CommandHandler,
  PersonalDataProtector,
  withPersonalDataProtection,
  type Clock,
  type EventStore,
  type KeyStore,
} from '@c360/kernel';
import { SetMetadata, type DynamicModule, type Provider } from '@nestjs/common';
import { CONTEXT_NAME_METADATA } from '../auth/access.guard';
import { CLOCK, EVENT_STORE, KEY_STORE } from '../infrastructure/tokens';
import type { CommandTelemetry } from '../observability/metrics/command-telemetry';
import { COMMAND_TELEMETRY } from '../observability/observability.tokens';
import type { ContextDefinition } from './context-definition';
import { ContextRuntime } from './context-runtime';
import { CustomerDirectory } from './customer-directory';
import { ReadModelErasure } from './read-model-erasure';
import { AccessExports } from './access-export/access-exports';
import type { AccessExportPart } from './access-export/access-export-part';
import { ACCESS_EXPORT_REGISTRATION, CONTEXT_DEFINITION, CONTEXT_EVENTS } from './context.tokens';

/** A context's module, carrying its definition so that the service can collect upcasters from it. */
export interface ContextDynamicModule extends DynamicModule {
  readonly definition: ContextDefinition;
}

/**
 * The one generic module every context is wired through. Each context gets, module-locally, its own
 * view of the event store (through its PersonalDataProtector when it declares personal data) and its
 * own CommandHandler over that view — so use-case handlers simply inject `CommandHandler` — plus the
 * ContextRuntime that starts its projections, workflows and processors.
 */
export class ContextModule {
  static register(definition: ContextDefinition): ContextDynamicModule {
    const privacy: Provider[] = definition.personalData
      ? [
          {
            provide: PersonalDataProtector,
            useFactory: (keys: KeyStore) => new PersonalDataProtector(keys, definition.personalData ?? {}),
            inject: [KEY_STORE],
          },
          {
            provide: CONTEXT_EVENTS,
            useFactory: (events: EventStore, protector: PersonalDataProtector) => withPersonalDataProtection(events, protector),
            inject: [EVENT_STORE, PersonalDataProtector],
          },
        ]
      : [{ provide: CONTEXT_EVENTS, useExisting: EVENT_STORE }];
    // Refusals by the role table then carry the context's own error codes (`loyalty.supervisor-required`).
    for (const controller of definition.controllers ?? []) SetMetadata(CONTEXT_NAME_METADATA, definition.name)(controller);
    const declared = new Set<unknown>(definition.providers ?? []);
    const accessExport = definition.accessExport ? [definition.accessExport] : [];
    const extra = [...(definition.processors ?? []), ...(definition.onStart ?? []), ...accessExport].filter((type) => !declared.has(type));
    const registration: Provider[] = accessExport.map((part) => ({
      provide: ACCESS_EXPORT_REGISTRATION,
      // Built eagerly with the module: by the time a request arrives, every context's part is registered.
      useFactory: (exports: AccessExports, instance: AccessExportPart) => {
        exports.register(instance);
        return instance.section;
      },
      inject: [AccessExports, part],
    }));
    return {
      module: namedModuleClass(definition.name),
      definition,
      controllers: [...(definition.controllers ?? [])],
      providers: [
        { provide: CONTEXT_DEFINITION, useValue: definition },
        ...privacy,
        {
          provide: CommandHandler,
          // Metrics and spans of every command and append, when the process runs the observability module.
          useFactory: (events: EventStore, clock: Clock, telemetry?: CommandTelemetry) =>
            new CommandHandler(telemetry?.eventStore(events) ?? events, clock, { observer: telemetry }),
          inject: [CONTEXT_EVENTS, CLOCK, { token: COMMAND_TELEMETRY, optional: true }],
        },
        ContextRuntime,
        ReadModelErasure,
        ...(definition.customerDirectory ? [CustomerDirectory] : []),
        ...(definition.providers ?? []),
        ...extra,
        ...registration,
      ],
      exports: [...(definition.exports ?? [])],
    };
  }
}

/** `SalesContextModule`: error messages and Nest's logs name the context. */
function namedModuleClass(context: string): new () => object {
  const name = `${context.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}ContextModule`;
  return { [name]: class {} }[name];
}
