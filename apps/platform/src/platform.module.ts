import { HealthModule, InfrastructureModule, type PlatformConfig } from '@c360/runtime';
import { Module, type DynamicModule } from '@nestjs/common';
import { contextModules } from './context-modules';

/** The embedded default: every context, projector and relay in one process. */
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [InfrastructureModule.forRoot({ config }), HealthModule, ...contextModules],
    };
  }
}
