import { loadLoyaltyConfig } from '@c360/loyalty-application';
import { LoyaltyModule } from '@c360/loyalty-api';
import { runService } from '@c360/runtime';

/** The loyalty service on its own: the same LoyaltyModule the all-in-one platform runs. */
runService({
  name: 'Loyalty service',
  modules: [LoyaltyModule],
  settings: () => {
    const { schedulerIntervalMs } = loadLoyaltyConfig();
    return `scheduler: ${schedulerIntervalMs > 0 ? `every ${schedulerIntervalMs} ms` : 'off'}`;
  },
});
