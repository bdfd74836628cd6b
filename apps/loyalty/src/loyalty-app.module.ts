import { LoyaltyModule } from '@c360/loyalty-api';
import { HealthModule, InfrastructureModule, type PlatformConfig } from '@c360/runtime';
import { Module, type DynamicModule } from '@nestjs/common';

/** The loyalty service on its own: the same LoyaltyModule the all-in-one platform runs. */
@Module({})
export class LoyaltyAppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: LoyaltyAppModule,
      imports: [InfrastructureModule.forRoot({ config }), HealthModule, LoyaltyModule],
    };
  }
}
