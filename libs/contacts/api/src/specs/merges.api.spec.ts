import { ALIASES } from '@c360/contacts-application';
import type { TestPlatform } from '@c360/runtime/testing';
import { contactsPlatform, rawEvents, registerCustomer } from './contacts-api.fixtures';

describe('contacts API: duplicates, merge and undo', () => {
  let platform: TestPlatform;
  let ann: { customerId: string };
  let annie: { customerId: string };
  beforeEach(async () => {
    platform = await contactsPlatform();
    platform.clock.set('2026-03-01T10:00:00.000Z');
    ann = await registerCustomer(platform, { name: { first: 'Ann', last: 'Lee' }, emails: ['ann@example.com'], tags: ['vip'] });
    await platform.http
      .post(`/customers/${ann.customerId}/consents/grants`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web' })
      .expect(201);
    platform.clock.set('2026-03-02T10:00:00.000Z');
    annie = await registerCustomer(platform, {
      name: { first: 'Anne', last: 'Lee' },
      emails: ['annie@example.com', 'ann@example.com'],
      phones: ['+4791234567'],
      birthday: '1990-05-17',
      tags: ['club'],
      onDuplicate: 'flag',
    });
    await platform.http
      .post(`/customers/${annie.customerId}/consents/grants`)
      .send({ channel: 'sms', purpose: 'marketing', source: 'store' })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();
  });
  afterEach(() => platform.close());

  it('suggests duplicates by shared identity and similar name', async () => {
    await registerCustomer(platform, { name: { first: 'Bo', last: 'Berg' }, emails: ['bo@example.com'] });
    await platform.processors.waitUntilCaughtUp();
    const suggestions = await platform.http.get(`/customers/${ann.customerId}/duplicates`).expect(200);
    // Jaro–Winkler on the words in order since issue 13 (0.88 by edit distance before).
    expect(suggestions.body.suggestions).toEqual([
      { customerId: annie.customerId, displayName: 'Anne Lee', reasons: ['same-email', 'similar-name'], nameSimilarity: 0.97 },
    ]);
    const theOtherWay = await platform.http.get(`/customers/${annie.customerId}/duplicates`).expect(200);
    expect(theOtherWay.body.suggestions[0]).toMatchObject({
      customerId: ann.customerId,
      reasons: ['flagged', 'same-email', 'similar-name'],
    });
  });

  it('merges a duplicate into the survivor by the conflict policy; absorbed ids resolve to the survivor', async () => {
    platform.clock.set('2026-03-03T10:00:00.000Z');
    const merged = await platform.http.post(`/customers/${ann.customerId}/merges`).send({ absorbedId: annie.customerId }).expect(201);
    expect(merged.body).toMatchObject({ survivorId: ann.customerId, absorbedId: annie.customerId, mergeId: expect.any(String) });
    await platform.processors.waitUntilCaughtUp();

    const survivor = await platform.http.get(`/customers/${ann.customerId}`).expect(200);
    expect(survivor.body).toMatchObject({
      displayName: 'Ann Lee',
      emails: ['ann@example.com', 'annie@example.com'],
      phones: ['+4791234567'],
      birthday: '1990-05-17',
      tags: ['club', 'vip'],
      consents: { 'email:marketing': { granted: true }, 'sms:marketing': { granted: true, source: `merge:${merged.body.mergeId}` } },
      absorbed: [{ customerId: annie.customerId, mergeId: merged.body.mergeId }],
    });
    const viaAlias = await platform.http.get(`/customers/${annie.customerId}`).expect(200);
    expect(viaAlias.body).toMatchObject({ customerId: ann.customerId, resolvedFrom: annie.customerId });
    const itself = await platform.http.get(`/customers/${annie.customerId}`).query({ resolve: 'false' }).expect(200);
    expect(itself.body).toMatchObject({ status: 'merged', mergedInto: { survivorId: ann.customerId, mergeId: merged.body.mergeId } });
    const aliases = await platform.stores.documents.get(ALIASES, annie.customerId);
    expect(aliases).toMatchObject({ survivorId: ann.customerId, mergeId: merged.body.mergeId });

    // The absorbed customer is frozen; its identities now belong to the survivor.
    const frozen = await platform.http.post(`/customers/${annie.customerId}/emails`).send({ email: 'x@example.com' }).expect(409);
    expect(frozen.body).toMatchObject({ error: 'contacts.customer-merged', details: { survivorId: ann.customerId } });
    const taken = await platform.http
      .post('/customers')
      .send({ emails: ['annie@example.com'] })
      .expect(409);
    expect(taken.body.details.existingCustomerId).toBe(ann.customerId);
    // Consent questions about the absorbed customer go to the survivor for the merged period.
    const consent = await platform.http.get(`/customers/${annie.customerId}/consents/email/marketing`).expect(200);
    expect(consent.body).toMatchObject({ valid: true, answeredBy: ann.customerId });

    const events = await rawEvents(platform);
    expect(events.filter((e) => e.type === 'contacts.customers-merged').map((e) => e.streamId)).toEqual([
      `contacts-customer-${annie.customerId}`,
    ]);
    expect(events.filter((e) => e.type === 'contacts.customer-absorbed').map((e) => e.streamId)).toEqual([
      `contacts-customer-${ann.customerId}`,
    ]);
  });

  it('undoes a merge: both customers as before, identities back with the absorbed customer', async () => {
    platform.clock.set('2026-03-03T10:00:00.000Z');
    const merged = await platform.http.post(`/customers/${ann.customerId}/merges`).send({ absorbedId: annie.customerId }).expect(201);
    platform.clock.set('2026-03-04T10:00:00.000Z');
    const undone = await platform.http.post(`/customers/${ann.customerId}/merges/${merged.body.mergeId}/undo`).expect(200);
    expect(undone.body).toMatchObject({ mergeId: merged.body.mergeId, absorbedId: annie.customerId });
    await platform.processors.waitUntilCaughtUp();

    const survivor = await platform.http.get(`/customers/${ann.customerId}`).expect(200);
    expect(survivor.body).toMatchObject({
      emails: ['ann@example.com'],
      phones: [],
      tags: ['vip'],
      absorbed: [],
      consents: { 'sms:marketing': { granted: false } },
    });
    expect(survivor.body.birthday).toBeUndefined();
    const restored = await platform.http.get(`/customers/${annie.customerId}`).expect(200);
    expect(restored.body).toMatchObject({
      customerId: annie.customerId,
      status: 'active',
      emails: ['annie@example.com'],
      phones: ['+4791234567'],
    });
    expect(await platform.stores.documents.get(ALIASES, annie.customerId)).toBeNull();
    await platform.http.post(`/customers/${annie.customerId}/phones`).send({ phone: '+4791234567' }).expect(201);
    await platform.http
      .post('/customers')
      .send({ emails: ['annie@example.com'] })
      .expect(409);
    // Consent answers keep history: during the merge the survivor answered.
    const during = await platform.http
      .get(`/customers/${annie.customerId}/consents/email/marketing`)
      .query({ at: '2026-03-03T12:00:00.000Z' })
      .expect(200);
    expect(during.body).toMatchObject({ valid: true, answeredBy: ann.customerId });
    const after = await platform.http.get(`/customers/${annie.customerId}/consents/email/marketing`).expect(200);
    expect(after.body).toMatchObject({ valid: false, answeredBy: annie.customerId });
    // Undoing twice changes nothing.
    await platform.http.post(`/customers/${ann.customerId}/merges/${merged.body.mergeId}/undo`).expect(200);
  });

  it('refuses merging into itself (400/422), an unknown customer (404), and a stale If-Match (409) without touching the absorbed customer', async () => {
    await platform.http.post(`/customers/${ann.customerId}/merges`).send({ absorbedId: 'nope' }).expect(400);
    await platform.http.post(`/customers/${ann.customerId}/merges`).send({ absorbedId: ann.customerId }).expect(422);
    await platform.http
      .post(`/customers/${ann.customerId}/merges`)
      .send({ absorbedId: '0190a000-0000-7000-8000-000000000404' })
      .expect(404);
    const before = (await rawEvents(platform)).length;
    const stale = await platform.http
      .post(`/customers/${ann.customerId}/merges`)
      .set('If-Match', '0')
      .send({ absorbedId: annie.customerId })
      .expect(409);
    expect(stale.body).toMatchObject({ error: 'concurrency_conflict', currentVersion: 1 });
    expect(await rawEvents(platform)).toHaveLength(before);
    await platform.http.post(`/customers/${ann.customerId}/merges/0190a000-0000-7000-8000-000000000404/undo`).expect(404);
  });
});
