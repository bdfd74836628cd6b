import type { Upcaster } from '@c360/kernel';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { PlatformConfig } from '../config/platform-config';
import type { ContextDynamicModule } from '../context/context.module';
import { AuthModule } from '../auth/auth.module';
import { HealthModule } from '../health/health.module';
import { IdempotencyModule } from '../http/idempotency.module';
import { InfrastructureModule, type InfrastructureOptions } from '../infrastructure/infrastructure.module';
import { isApiOnly } from './api-only-module';
import { ProcessorAdminModule } from '../processors/processor-admin.module';
import { ReadYourWritesModule } from '../http/read-your-writes.module';
import { ObservabilityModule, type ObservabilityOptions } from '../observability/observability.module';

export type ServiceModules = ReadonlyArray<Type<unknown> | DynamicModule>;

/** Every upcaster declared by the context modules in the list: readers of the log all see current schemas. */
export function upcastersOf(modules: ServiceModules): Upcaster[] {
  return modules.flatMap((module) => (module as Partial<ContextDynamicModule>).definition?.upcasters ?? []);
}

/**
 * The modules every process runs beside its contexts: logs, metrics and traces, the infrastructure (with
 * the contexts' upcasters), authentication with the role table's guard, health, and the CQRS buses that
 * controllers, resolvers, the CLI and workflows share.
 */
export function platformImports(
  modules: ServiceModules,
  infrastructure: InfrastructureOptions,
  observability: Omit<ObservabilityOptions, 'config'> = {},
): Array<Type<unknown> | DynamicModule> {
  return [
    ObservabilityModule.forRoot({ config: infrastructure.config, ...observability }),
    InfrastructureModule.forRoot({ ...infrastructure, upcasters: [...(infrastructure.upcasters ?? []), ...upcastersOf(modules)] }),
    CqrsModule.forRoot(),
    AuthModule,
    IdempotencyModule,
    HealthModule,
    ProcessorAdminModule,
    ReadYourWritesModule,
    ...forRole(infrastructure.config.role, modules),
  ];
}

/**
 * One process = the infrastructure, health, the buses, and the context modules it runs. The all-in-one
 * platform and each standalone service are this module with a different list.
 */
@Module({})
export class ServiceModule {
  static forRoot(config: PlatformConfig, modules: ServiceModules): DynamicModule {
    return { module: ServiceModule, imports: platformImports(modules, { config }) };
  }
}

/**
 * `C360_ROLE=processors` serves no context API: the contexts keep their processors and providers only,
 * and a module that only answers requests (the GraphQL gateway) is left out.
 */
export function forRole(role: PlatformConfig['role'], modules: ServiceModules): ServiceModules {
  if (role !== 'processors') return modules;
  return modules
    .filter((module) => !isApiOnly(module))
    .map((module) => (isContextModule(module) ? { ...module, controllers: [] } : module));
}

function isContextModule(module: Type<unknown> | DynamicModule): module is ContextDynamicModule {
  return (module as Partial<ContextDynamicModule>).definition !== undefined;
}
