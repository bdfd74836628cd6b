import { ConfigError } from '@c360/runtime';
import { loadLoyaltyConfig } from './loyalty-config';

describe('loyalty configuration', () => {
  it('runs the scheduler every minute by default, and not at all under test', () => {
    expect(loadLoyaltyConfig({})).toEqual({ schedulerIntervalMs: 60_000, schedulerBatchSize: 200 });
    expect(loadLoyaltyConfig({ NODE_ENV: 'test' }).schedulerIntervalMs).toBe(0);
    expect(loadLoyaltyConfig({ NODE_ENV: 'test', LOYALTY_SCHEDULER_INTERVAL_MS: '5000' }).schedulerIntervalMs).toBe(5_000);
  });

  it('names a bad variable', () => {
    expect(() => loadLoyaltyConfig({ LOYALTY_SCHEDULER_INTERVAL_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadLoyaltyConfig({ LOYALTY_SCHEDULER_BATCH_SIZE: '0' })).toThrow(/LOYALTY_SCHEDULER_BATCH_SIZE/);
  });
});
