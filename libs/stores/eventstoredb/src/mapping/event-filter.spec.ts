import { matchesFilter, serverFilter } from './event-filter';

const event = (streamId: string, type: string) => ({ streamId, type });

describe('filters on EventStoreDB', () => {
  it('applies event types AND stream prefixes, an empty list meaning no condition', () => {
    const filter = { eventTypes: ['loyalty.points-earned'], streamPrefixes: ['loyalty-'] };
    expect(matchesFilter(filter, event('loyalty-account-1', 'loyalty.points-earned'))).toBe(true);
    expect(matchesFilter(filter, event('sales-deal-1', 'loyalty.points-earned'))).toBe(false);
    expect(matchesFilter(filter, event('loyalty-account-1', 'loyalty.points-redeemed'))).toBe(false);
    expect(matchesFilter({ eventTypes: [], streamPrefixes: [] }, event('sales-deal-1', 'sales.deal-won'))).toBe(true);
    expect(matchesFilter(undefined, event('sales-deal-1', 'sales.deal-won'))).toBe(true);
  });

  it('never lets EventStoreDB system events through', () => {
    expect(matchesFilter(undefined, event('$stats-127.0.0.1:2113', 'test.thing'))).toBe(false);
    expect(matchesFilter(undefined, event('loyalty-account-1', '$metadata'))).toBe(false);
    expect(matchesFilter({ streamPrefixes: ['$'] }, event('$settings', 'test.thing'))).toBe(false);
  });

  it('sends event types to the server as an exact, escaped regular expression', () => {
    const filter = serverFilter({ eventTypes: ['loyalty.points-earned', 'odd(type)+'], streamPrefixes: ['loyalty-'] });
    expect(filter).toEqual({ filterOn: 'eventType', regex: '^(?:loyalty\\.points-earned|odd\\(type\\)\\+)$' });
    const regex = new RegExp(filter.regex as string);
    expect(regex.test('loyalty.points-earned')).toBe(true);
    expect(regex.test('odd(type)+')).toBe(true);
    expect(regex.test('loyaltyXpoints-earned')).toBe(false);
    expect(regex.test('loyalty.points-earned-reversed')).toBe(false);
  });

  it('sends stream prefixes when no types are given, and otherwise excludes system events', () => {
    expect(serverFilter({ streamPrefixes: ['loyalty-', 'sales-'] })).toEqual({ filterOn: 'streamName', prefixes: ['loyalty-', 'sales-'] });
    const fallback = serverFilter(undefined);
    expect(fallback.filterOn).toBe('eventType');
    expect(new RegExp(fallback.regex as string).test('$metadata')).toBe(false);
    expect(new RegExp(fallback.regex as string).test('sales.deal-won')).toBe(true);
  });
});
