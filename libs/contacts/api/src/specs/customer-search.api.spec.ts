import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, registerCustomer } from './contacts-api.fixtures';

type Item = { displayName: string };
const names = (body: { items: Item[] }) => body.items.map((item) => item.displayName);

describe('contacts API: the customer list and search a CRM user works with (issue 13)', () => {
  let platform: TestPlatform;
  let referrer: { customerId: string; referralCode: string };
  beforeEach(async () => {
    platform = await contactsPlatform();
    platform.clock.set('2026-03-01T10:00:00.000Z');
    referrer = await registerCustomer(platform, { name: { first: 'Bjørn', last: 'Sæther' }, tags: ['vip'], emails: ['bjorn@example.com'] });
    platform.clock.set('2026-03-02T10:00:00.000Z');
    await registerCustomer(platform, { name: { first: 'علی', last: 'کریمی' }, phones: ['+๖๖ ๘๑ ๒๓๔ ๕๖๗๘'] });
    platform.clock.set('2026-03-03T10:00:00.000Z');
    await registerCustomer(platform, {
      name: { first: 'Ann', last: 'Weiß' },
      tags: ['vip', 'club'],
      emails: ['ann@example.com'],
      referralCode: referrer.referralCode,
    });
    platform.clock.set('2026-03-04T10:00:00.000Z');
    await registerCustomer(platform, { name: { first: 'Åse', last: 'Lund' }, phones: ['۰۹۱۲ ۳۴۵ ۶۷۸۹'], defaultRegion: 'IR' });
    await platform.processors.waitUntilCaughtUp();
  });
  afterEach(() => platform.close());

  it('lists customers without a name, e-mail or phone, sorted by name, a page at a time', async () => {
    const first = await platform.http.get('/customers').query({ limit: 3 }).expect(200);
    expect(names(first.body)).toEqual(['Ann Weiß', 'Åse Lund', 'Bjørn Sæther']);
    const rest = await platform.http.get('/customers').query({ limit: 3, cursor: first.body.nextCursor }).expect(200);
    expect(names(rest.body)).toEqual(['علی کریمی']);
    expect(rest.body.nextCursor).toBeUndefined();
  });

  it('lists by registration time when asked', async () => {
    const byCreated = await platform.http.get('/customers').query({ sort: 'created' }).expect(200);
    expect(names(byCreated.body)).toEqual(['Bjørn Sæther', 'علی کریمی', 'Ann Weiß', 'Åse Lund']);
  });

  it('filters by tag, registration range (from inclusive, to exclusive), referrer (id or code) and status', async () => {
    expect(names((await platform.http.get('/customers').query({ tag: 'vip' }).expect(200)).body)).toEqual(['Ann Weiß', 'Bjørn Sæther']);
    const range = await platform.http.get('/customers').query({ createdFrom: '2026-03-02T10:00:00Z', createdTo: '2026-03-04' }).expect(200);
    expect(names(range.body)).toEqual(['Ann Weiß', 'علی کریمی']);
    const byId = await platform.http.get('/customers').query({ referredBy: referrer.customerId }).expect(200);
    expect(names(byId.body)).toEqual(['Ann Weiß']);
    const byCode = await platform.http.get('/customers').query({ referredBy: referrer.referralCode.toLowerCase() }).expect(200);
    expect(names(byCode.body)).toEqual(['Ann Weiß']);
    expect((await platform.http.get('/customers').query({ referredBy: 'ZZZZZZZZZZ' }).expect(200)).body.items).toEqual([]);
    expect((await platform.http.get('/customers').query({ status: 'erased' }).expect(200)).body.items).toEqual([]);
    const vipAnn = await platform.http.get('/customers').query({ name: 'ann', tag: 'club' }).expect(200);
    expect(names(vipAnn.body)).toEqual(['Ann Weiß']);
  });

  it('answers 400 naming the field for a bad filter or cursor', async () => {
    const bad = { status: 'gone', tag: 'Not A Tag', createdFrom: 'yesterday', createdTo: '2026-13-01', referredBy: '!', sort: 'age' };
    for (const [field, value] of Object.entries({ ...bad, cursor: 'not-a-cursor' })) {
      const response = await platform.http
        .get('/customers')
        .query({ [field]: value })
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
  });

  it('matches folded text (ø, æ, ß, Arabic letters) while the profile keeps it as typed', async () => {
    expect(names((await platform.http.get('/customers').query({ name: 'bjorn saeth' }).expect(200)).body)).toEqual(['Bjørn Sæther']);
    expect(names((await platform.http.get('/customers').query({ name: 'WEISS' }).expect(200)).body)).toEqual(['Ann Weiß']);
    expect(names((await platform.http.get('/customers').query({ name: 'علي' }).expect(200)).body)).toEqual(['علی کریمی']);
    expect(names((await platform.http.get('/customers').query({ name: 'كريمي' }).expect(200)).body)).toEqual(['علی کریمی']);
  });

  it('stores phones typed in Thai or Persian digits as E.164 and finds them typed either way', async () => {
    const thai = await platform.http.get('/customers').query({ phone: '+66812345678' }).expect(200);
    expect(thai.body.items).toEqual([expect.objectContaining({ displayName: 'علی کریمی', phones: ['+66812345678'] })]);
    const persian = await platform.http.get('/customers').query({ phone: '۰۹۱۲۳۴۵۶۷۸۹', defaultRegion: 'IR' }).expect(200);
    expect(persian.body.items).toEqual([expect.objectContaining({ displayName: 'Åse Lund', phones: ['+989123456789'] })]);
  });
});
