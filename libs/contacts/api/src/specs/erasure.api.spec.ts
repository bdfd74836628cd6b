import type { TestPlatform } from '@c360/runtime/testing';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contactsPlatform, rawEvents, registerCustomer } from './contacts-api.fixtures';

const EMAIL = 'ingrid.vik.4f9c@example.com';
const FIRST = 'Ingrid';
const FAMILY = 'Vikströmsen';

/** Every file under the data dir, recursively (databases, WAL and shared-memory files). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function occurrences(files: readonly string[], needle: string): string[] {
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle.toLowerCase(), 'utf8'), Buffer.from(needle, 'utf16le')];
  return files.filter((file) => {
    const bytes = readFileSync(file);
    return variants.some((variant) => bytes.includes(variant));
  });
}

describe('contacts API: erasure (crypto-shredding) and access export', () => {
  let platform: TestPlatform;
  afterEach(async () => {
    // The erasure spec closes the platform itself to read the files; clean up the directory.
    await platform.close().catch(() => undefined);
    rmSync(platform.dataDir, { recursive: true, force: true });
  });

  it('leaves no plaintext of an erased customer in any file the platform wrote', async () => {
    platform = await contactsPlatform();
    const { customerId } = await registerCustomer(platform, {
      name: { first: FIRST, last: FAMILY },
      emails: [EMAIL],
      phones: ['+4791234567'],
      address: { line1: 'Fjordveien 12', city: 'Bergen' },
      attributes: { favouriteDish: 'raspeballer' },
    });
    await platform.http.patch(`/customers/${customerId}`).send({ company: 'Vikströmsen Fisk AS', birthday: '1985-02-03' }).expect(200);
    await platform.http.post(`/customers/${customerId}/emails`).send({ email: 'second.4f9c@example.com' }).expect(201);
    await platform.http
      .post(`/customers/${customerId}/consents/grants`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web' })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();

    // Before erasure: the export holds everything, decrypted.
    const before = await platform.http.get(`/customers/${customerId}/export`).expect(200);
    const exported = JSON.stringify(before.body);
    for (const value of [EMAIL, FIRST, FAMILY, 'second.4f9c@example.com', '+4791234567', 'Fjordveien 12', 'raspeballer', '1985-02-03']) {
      expect(exported).toContain(value);
    }
    // One document for every context (docs/contexts/access-export.md); this platform runs contacts only.
    expect(before.body).toMatchObject({ customerId, generatedAt: expect.any(String) });
    expect(before.body.sections.contacts).toMatchObject({
      profile: { status: 'active', displayName: `${FIRST} ${FAMILY}` },
      identities: expect.arrayContaining([{ kind: 'email', value: EMAIL }]),
      consents: { history: [{ channel: 'email', purpose: 'marketing', granted: true }] },
      referrals: { referralCode: expect.any(String), referees: [] },
    });
    expect(before.body.sections.contacts.events.map((event: { type: string }) => event.type)).toEqual([
      'contacts.customer-registered',
      'contacts.profile-updated',
      'contacts.email-added',
      'contacts.consent-granted',
    ]);

    const erased = await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    expect(erased.body).toMatchObject({ customerId, erasedAt: expect.any(String), cascaded: [] });
    await platform.processors.waitUntilCaughtUp();

    // After erasure: the export has ids, dates and business facts, no personal data.
    const after = await platform.http.get(`/customers/${customerId}/export`).expect(200);
    const afterText = JSON.stringify(after.body);
    for (const value of [EMAIL, FIRST, FAMILY, 'second.4f9c', '91234567', 'Fjordveien', 'raspeballer', '1985-02-03', 'Bergen']) {
      expect(afterText).not.toContain(value);
    }
    const afterContacts = after.body.sections.contacts;
    expect(afterContacts.profile).toMatchObject({ customerId, status: 'erased', erasedAt: erased.body.erasedAt });
    expect(afterContacts.events[0].data).toMatchObject({ customerId, name: { $erased: true }, emails: { $erased: true } });
    expect(afterContacts.events.at(-1)).toMatchObject({ type: 'contacts.customer-erased' });
    const profile = await platform.http.get(`/customers/${customerId}`).expect(200);
    expect(profile.body).toEqual({
      customerId,
      status: 'erased',
      version: 4,
      registeredAt: expect.any(String),
      erasedAt: erased.body.erasedAt,
      referralCode: expect.any(String),
      mergeHistory: [],
    });
    // After erasure consent is never valid, commands are refused, and the e-mail can be used again.
    const consent = await platform.http.get(`/customers/${customerId}/consents/email/marketing`).expect(200);
    expect(consent.body).toMatchObject({ valid: false, erased: true });
    await platform.http.patch(`/customers/${customerId}`).send({ company: 'X' }).expect(409);
    await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    const search = await platform.http.get('/customers').query({ email: EMAIL }).expect(200);
    expect(search.body.items).toEqual([]);

    const files = () => filesUnder(platform.dataDir);
    // Stop the platform as a process would (stores closed, WAL checkpointed) but keep its files.
    await platform.app.close();
    expect(
      files()
        .map((file) => file.slice(platform.dataDir.length + 1))
        .sort(),
    ).toEqual(expect.arrayContaining(['events.db', 'keys.db', 'read-models.db']));
    for (const needle of [EMAIL, FIRST, FAMILY, 'second.4f9c@example.com', '+4791234567', 'Fjordveien 12', 'raspeballer']) {
      expect({ needle, files: occurrences(files(), needle) }).toEqual({ needle, files: [] });
    }
  });

  it('releases the identities of an erased customer so that they can be registered again', async () => {
    platform = await contactsPlatform();
    const { customerId } = await registerCustomer(platform, { name: { first: 'Ola' }, emails: ['ola@example.com'] });
    await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    const again = await platform.http
      .post('/customers')
      .send({ name: { first: 'Ola' }, emails: ['ola@example.com'] })
      .expect(201);
    expect(again.body.customerId).not.toBe(customerId);
    expect(existsSync(join(platform.dataDir, 'keys.db'))).toBe(true);
  });

  it('erases the customers merged into a survivor along with it', async () => {
    platform = await contactsPlatform();
    const ann = await registerCustomer(platform, { name: { first: 'Ann' }, emails: ['ann.merge@example.com'] });
    const annie = await registerCustomer(platform, { name: { first: 'Annie' }, emails: ['annie.merge@example.com'] });
    await platform.http.post(`/customers/${ann.customerId}/merges`).send({ absorbedId: annie.customerId }).expect(201);
    const refused = await platform.http.post(`/customers/${annie.customerId}/erasure`).expect(409);
    expect(refused.body.error).toBe('contacts.customer-merged');
    const erased = await platform.http.post(`/customers/${ann.customerId}/erasure`).expect(200);
    expect(erased.body.cascaded).toEqual([annie.customerId]);
    await platform.processors.waitUntilCaughtUp();
    const absorbed = await platform.http.get(`/customers/${annie.customerId}`).query({ resolve: 'false' }).expect(200);
    expect(absorbed.body).toMatchObject({ status: 'erased' });
    const exported = JSON.stringify((await platform.http.get(`/customers/${ann.customerId}/export`).expect(200)).body);
    expect(exported).not.toMatch(/merge@example\.com|Annie/);
    await platform.http
      .post('/customers')
      .send({ emails: ['annie.merge@example.com'] })
      .expect(201);
    expect((await rawEvents(platform)).filter((e) => e.type === 'contacts.customer-erased')).toHaveLength(2);
  });

  it('exports 404 for an unknown customer', async () => {
    platform = await contactsPlatform();
    await platform.http.get('/customers/0190a000-0000-7000-8000-000000000404/export').expect(404);
  });
});
