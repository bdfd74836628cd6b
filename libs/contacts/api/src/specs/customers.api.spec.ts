import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, rawEvents, registerCustomer } from './contacts-api.fixtures';

describe('contacts API: register, read, update, search', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await contactsPlatform();
  });
  afterEach(() => platform.close());

  it('registers a customer (201) with normalised identities, and the profile shows it (200)', async () => {
    const created = await platform.http
      .post('/customers')
      .send({
        name: { first: 'Ann', last: 'Lee' },
        emails: ['Ann.Lee@Example.com'],
        phones: ['912 34 567'],
        birthday: '1990-05-17',
        company: 'Acme',
        preferredLanguage: 'nb',
        tags: ['vip'],
        attributes: { shoeSize: 38 },
        acquisitionSource: 'web-signup',
      })
      .expect(201);
    expect(created.body).toMatchObject({ version: 0, referralCode: expect.stringMatching(/^[0-9A-Z]{10}$/), suspectedDuplicates: [] });
    await platform.processors.waitUntilCaughtUp();
    const profile = await platform.http.get(`/customers/${created.body.customerId}`).expect(200);
    expect(profile.body).toMatchObject({
      customerId: created.body.customerId,
      status: 'active',
      version: 0,
      displayName: 'Ann Lee',
      emails: ['ann.lee@example.com'],
      phones: ['+4791234567'],
      birthday: '1990-05-17',
      company: 'Acme',
      tags: ['vip'],
      attributes: { shoeSize: 38 },
      acquisitionSource: 'web-signup',
    });
  });

  it('stores personal data only as ciphertext in the event log', async () => {
    await registerCustomer(platform, { name: { first: 'Zelda', last: 'Quist' }, emails: ['zelda.quist@example.com'] });
    const stored = JSON.stringify(await rawEvents(platform));
    expect(stored).not.toContain('zelda');
    expect(stored).not.toContain('Zelda');
    expect(stored).toContain('"$pii":"v1"');
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const response = await platform.http
      .post('/customers')
      .send({ name: { first: '' }, emails: ['not-an-email'], phones: ['12'], birthday: '17.05.1990', tags: ['Not A Slug'], extra: true })
      .expect(400);
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'birthday',
      'emails',
      'extra',
      'name.first',
      'phones',
      'tags',
    ]);
    expect(await rawEvents(platform)).toHaveLength(0);
  });

  it('refuses a name or address that is a list, not an object: 400 naming the field (a [] address reached the handler)', async () => {
    const { customerId } = await registerCustomer(platform, { name: { first: 'Lis' } });
    const events = (await rawEvents(platform)).length;
    for (const body of [{ address: [] }, { name: [] }]) {
      const response = await platform.http.patch(`/customers/${customerId}`).send(body).expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(Object.keys(body));
      await platform.http
        .post('/customers')
        .send({ emails: ['list@example.com'], ...body })
        .expect(400);
    }
    expect(await rawEvents(platform)).toHaveLength(events);
  });

  it('refuses a registration without name, e-mail or phone (422)', async () => {
    const response = await platform.http.post('/customers').send({ company: 'Acme' }).expect(422);
    expect(response.body.error).toBe('contacts.empty-profile');
    expect(await rawEvents(platform)).toHaveLength(0);
  });

  it('returns the first result for a repeated Idempotency-Key', async () => {
    const key = '0190a000-0000-7000-8000-00000000beef';
    const first = await platform.http
      .post('/customers')
      .set('Idempotency-Key', key)
      .send({ emails: ['once@example.com'] })
      .expect(201);
    const again = await platform.http
      .post('/customers')
      .set('Idempotency-Key', key)
      .send({ emails: ['once@example.com'] })
      .expect(201);
    expect(again.body).toMatchObject({ customerId: first.body.customerId, version: 0, duplicate: true });
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    await platform.http.get('/customers/0190a000-0000-7000-8000-000000000404').expect(404);
    const bad = await platform.http.get('/customers/nope').expect(400);
    expect(bad.body.fields[0].field).toBe('id');
    await platform.http.patch('/customers/0190a000-0000-7000-8000-000000000404').send({ company: 'X' }).expect(404);
  });

  it('updates profile fields (200), recording only changes, and clears with null', async () => {
    const { customerId } = await registerCustomer(platform, { name: { first: 'Bo' }, emails: ['bo@example.com'], company: 'Acme' });
    const updated = await platform.http
      .patch(`/customers/${customerId}`)
      .send({ company: null, address: { line1: 'Storgata 1', city: 'Oslo', country: 'no' } })
      .expect(200);
    expect(updated.body).toMatchObject({ customerId, version: 1 });
    const same = await platform.http
      .patch(`/customers/${customerId}`)
      .send({ address: { line1: 'Storgata 1', city: 'Oslo', country: 'NO' } })
      .expect(200);
    expect(same.body.version).toBe(1);
    await platform.processors.waitUntilCaughtUp();
    const profile = await platform.http.get(`/customers/${customerId}`).expect(200);
    expect(profile.body.company).toBeUndefined();
    expect(profile.body.address).toEqual({ line1: 'Storgata 1', city: 'Oslo', country: 'NO' });
  });

  it('answers 409 with the current version when If-Match is stale', async () => {
    const { customerId } = await registerCustomer(platform, { name: { first: 'Cy' }, emails: ['cy@example.com'] });
    await platform.http.patch(`/customers/${customerId}`).set('If-Match', '0').send({ company: 'A' }).expect(200);
    const conflict = await platform.http.patch(`/customers/${customerId}`).set('If-Match', '0').send({ company: 'B' }).expect(409);
    expect(conflict.body).toMatchObject({ error: 'concurrency_conflict', currentVersion: 1 });
  });

  it('searches by name prefix, e-mail and phone, a page at a time', async () => {
    await registerCustomer(platform, { name: { first: 'Anna', last: 'Berg' }, emails: ['anna@example.com'] });
    await registerCustomer(platform, { name: { first: 'Annika', last: 'Dahl' }, phones: ['+46 70 123 45 67'] });
    await registerCustomer(platform, { name: { first: 'Åse', last: 'Andersen' }, emails: ['ase@example.com'] });
    await registerCustomer(platform, { name: { first: 'Bo', last: 'Lund' }, emails: ['bo@example.com'] });
    await platform.processors.waitUntilCaughtUp();

    const first = await platform.http.get('/customers').query({ name: 'an', limit: 2 }).expect(200);
    expect(first.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Anna Berg', 'Annika Dahl']);
    const second = await platform.http.get('/customers').query({ name: 'an', limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Åse Andersen']);
    expect(second.body.nextCursor).toBeUndefined();

    const byFamily = await platform.http.get('/customers').query({ name: 'LUN' }).expect(200);
    expect(byFamily.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Bo Lund']);
    const byEmail = await platform.http.get('/customers').query({ email: 'ANNA@example.com' }).expect(200);
    expect(byEmail.body.items).toHaveLength(1);
    const byPhone = await platform.http.get('/customers').query({ phone: '070-123 45 67', defaultRegion: 'SE' }).expect(200);
    expect(byPhone.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Annika Dahl']);
    await platform.http.get('/customers').query({ name: 'a', email: 'x@example.com' }).expect(422);
    await platform.http.get('/customers').query({ name: 'a', limit: 1000 }).expect(400);
  });
});
