import { ContactsModule } from '@c360/contacts-api';
import { HealthModule, InfrastructureModule, type PlatformConfig } from '@c360/runtime';
import { Module, type DynamicModule } from '@nestjs/common';

/** The contacts service on its own: the same ContactsModule the all-in-one platform runs. */
@Module({})
export class ContactsAppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ContactsAppModule,
      imports: [InfrastructureModule.forRoot({ config }), HealthModule, ContactsModule],
    };
  }
}
