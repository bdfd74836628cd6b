import { unclassifiedTextFields } from '@c360/kernel';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformContexts, platformModules } from '../platform-contexts';
import { NEEDLES, PERSON, byteHits, filesUnder, runErasureJourney } from './erasure-journey';

/**
 * The platform's one raw-file proof of erasure (ADR 0006, 0013): a journey through every context with
 * the person's name, e-mail and phone in every free-text field, then erasure, then a byte search of
 * every file under the data directory — right after the erasure answers, with the platform running.
 */
describe('erasure leaves nothing to recover, in any file of the platform', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules(), env: { TOPICS: 'files' } });
    platform.clock.set('2026-03-01T10:00:00.000Z');
  });
  afterEach(() => platform.close());

  it('finds the person everywhere before erasure and nowhere right after it returns', async () => {
    const { customerId, dealId } = await runErasureJourney(platform);
    const deal = await platform.http.get(`/deals/${dealId}`).expect(200);
    expect(deal.body.title).toContain(PERSON.email);
    // Before: the search finds the person (contacts' profile keeps the plaintext its search needs), so a miss later means something.
    expect(Object.keys(byteHits(filesUnder(platform.dataDir), NEEDLES))).toEqual(expect.arrayContaining([PERSON.email, PERSON.last]));

    const erased = await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    expect(erased.body).toMatchObject({ customerId, readModelsErased: true });

    // No waiting, no shutdown: the raw files as they are the moment the erasure answered.
    const files = filesUnder(platform.dataDir);
    expect(files.map((file) => file.slice(platform.dataDir.length + 1))).toEqual(
      expect.arrayContaining(['events.db', 'read-models.db', 'keys.db']),
    );
    expect(byteHits(files, NEEDLES)).toEqual({});
    expect((await platform.http.get(`/deals/${dealId}`).expect(200)).body.title).toEqual({ $erased: true });
    const profile = await platform.http.get(`/customers/${customerId}`).expect(200);
    expect(JSON.stringify(profile.body)).not.toContain(PERSON.last);
  });

  it('classifies every text field of every event the journey wrote (personal or plain)', async () => {
    await runErasureJourney(platform);
    const classification = Object.assign({}, ...platformContexts.map((context) => context.eventFields ?? {}));
    const { events } = await platform.stores.eventStore.readAll({ maxCount: 10_000 });
    const types = new Set(events.map((event) => event.type));
    expect(types.size).toBeGreaterThan(15);
    expect(events.flatMap((event) => unclassifiedTextFields(classification, event))).toEqual([]);
    // Every context classifies its events (the type-check holds each union complete).
    expect(platformContexts.filter((context) => !context.eventFields).map((context) => context.name)).toEqual([]);
  });
});
