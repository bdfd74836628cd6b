import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';
import { HealthModule } from '../health/health.module';
import { InfrastructureModule } from '../infrastructure/infrastructure.module';

/**
 * One process = the infrastructure, health, and the context modules it runs. The all-in-one platform
 * and each standalone service are this module with a different list.
 */
@Module({})
export class ServiceModule {
  static forRoot(config: PlatformConfig, modules: ReadonlyArray<Type<unknown> | DynamicModule>): DynamicModule {
    return {
      module: ServiceModule,
      imports: [InfrastructureModule.forRoot({ config }), HealthModule, ...modules],
    };
  }
}
