import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, registerCustomer } from './contacts-api.fixtures';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** What an attacker with a copy of the data directory and a list of candidate values would search for. */
function dictionaryHits(dir: string, kind: 'email' | 'phone', values: readonly string[]): string[] {
  const bytes = filesUnder(dir).map((file) => readFileSync(file));
  return values.filter((value) => {
    const sha = createHash('sha256').update(`${kind}:${value}`, 'utf8').digest('hex');
    const needles = [value, sha, sha.slice(0, 40), createHash('sha256').update(value).digest('hex')].map((text) => Buffer.from(text));
    return bytes.some((file) => needles.some((needle) => file.includes(needle)));
  });
}

describe('contacts API: keyed identity claims (HMAC under the key store)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await contactsPlatform();
  });
  afterEach(() => platform.close());

  it('leaves nothing a dictionary of e-mails and phones can find once the customer is erased', async () => {
    const phones = Array.from({ length: 200 }, (_, index) => `+47912${String(index).padStart(5, '0')}`);
    const emails = phones.map((_, index) => `person.${index}@example.com`);
    const { customerId } = await registerCustomer(platform, { emails: [emails[42]], phones: [phones[42]] });
    await registerCustomer(platform, { emails: [emails[7]], phones: [phones[7]] });
    await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    await platform.processors.waitUntilCaughtUp();
    await platform.app.close();

    // Neither the value, nor its unkeyed hash, is anywhere in the raw files (events, read models, keys, WAL).
    expect(dictionaryHits(platform.dataDir, 'email', emails)).not.toContain(emails[42]);
    expect(dictionaryHits(platform.dataDir, 'phone', phones)).not.toContain(phones[42]);
    // And the claim streams are not named by the unkeyed hash of anyone, erased or not.
    const names = readFileSync(join(platform.dataDir, 'events.db'));
    const sha = createHash('sha256').update(`email:${emails[7]}`).digest('hex');
    expect(names.includes(Buffer.from(sha))).toBe(false);
  });

  it('still keeps an e-mail with one customer, and frees it on erasure', async () => {
    const { customerId } = await registerCustomer(platform, { emails: ['kari@example.com'] });
    await platform.http
      .post('/customers')
      .send({ emails: ['KARI@example.com'] })
      .expect(409);
    await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    await platform.http
      .post('/customers')
      .send({ emails: ['kari@example.com'] })
      .expect(201);
  });

  it('releases what a repeated Idempotency-Key with a different body claimed (the first registration answers)', async () => {
    const key = '0190a000-0000-7000-8000-0000000000f1';
    const first = await platform.http
      .post('/customers')
      .set('Idempotency-Key', key)
      .send({ emails: ['first@example.com'] });
    expect(first.status).toBe(201);
    const repeated = await platform.http
      .post('/customers')
      .set('Idempotency-Key', key)
      .send({ emails: ['other@example.com'] });
    expect(repeated.body.customerId ?? first.body.customerId).toBe(first.body.customerId);
    // A genuinely new registration of the e-mail the repeat carried is accepted at once (no grace period).
    const fresh = await platform.http
      .post('/customers')
      .send({ emails: ['other@example.com'] })
      .expect(201);
    expect(fresh.body.customerId).not.toBe(first.body.customerId);
  });
});
