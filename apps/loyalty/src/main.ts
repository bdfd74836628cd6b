import { LoyaltyModule, loyaltyContext } from '@c360/loyalty-api';
import { runService } from '@c360/runtime';

/** The loyalty service on its own: the same LoyaltyModule the all-in-one platform runs. */
runService({
  name: 'Loyalty service',
  modules: [LoyaltyModule],
  settings: loyaltyContext.settings,
});
