import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

/** The inputs that used to answer 500 (issue 12): each is now a 400 naming the field, and nothing is written. */
describe('bad input never reaches a decider', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
  });
  afterAll(() => platform.close());

  const customer = '0190a000-0000-7000-8000-0000000000c1';
  const spendRule = {
    pointsPerStep: 1,
    stepAmount: 100,
    minimumOrderValue: 0,
    currencies: ['EUR'],
    excludedCategories: [],
    excludedSkus: [],
    tierMultipliers: { bronze: 100, silver: 150, gold: 200 },
  };
  const reward = {
    name: 'Mug',
    value: { kind: 'gift', sku: 'MUG-1' },
    pointsCost: 100,
    stock: null,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: null,
    tiers: [],
  };
  const without = <T extends object>(value: T, field: keyof T) =>
    Object.fromEntries(Object.entries(value).filter(([key]) => key !== field));

  it.each([
    ['PUT', '/loyalty/program/tiers', { windowMonths: 12, gracePeriodDays: 30 }, 'thresholds'],
    ['PUT', '/loyalty/program/spend-rule', without(spendRule, 'tierMultipliers'), 'tierMultipliers'],
    ['PUT', '/loyalty/program/spend-rule', { ...spendRule, tierMultipliers: [] }, 'tierMultipliers'],
    ['PUT', '/loyalty/program/engagement-rules/birthday', { enabled: true, points: 10 }, 'caps'],
    ['POST', '/loyalty/rewards', without(reward, 'value'), 'value'],
    ['POST', '/loyalty/rewards', { ...reward, value: [] }, 'value'],
  ])('%s %s with a missing or malformed nested object: 400 naming it', async (method, url, body, field) => {
    const before = await platform.stores.eventStore.headPosition();
    const response = await platform.as('supervisor')[method === 'PUT' ? 'put' : 'post'](url).send(body).expect(400);
    expect(response.body.fields.map((entry: { field: string }) => entry.field)).toContain(field);
    expect(await platform.stores.eventStore.headPosition()).toBe(before);
  });

  it.each([
    ['/customers?name=a&cursor=bad', 'cursor'],
    [`/customers/${customer}/referees?cursor=bad`, 'cursor'],
    [`/loyalty/accounts/${customer}/ledger?after=bad`, 'after'],
    ['/loyalty/rewards?after=bad', 'after'],
    ['/loyalty/partners?after=bad', 'after'],
    ['/loyalty/fraud-flags?after=bad', 'after'],
    [`/loyalty/accounts/${customer}/reward-redemptions?after=bad`, 'after'],
    ['/deals?after=bad', 'after'],
  ])('GET %s with a cursor no page returned: 400 naming %s', async (url, field) => {
    const response = await platform.as('supervisor').get(url).expect(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', fields: [{ field }] });
  });
});
