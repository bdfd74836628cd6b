import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { MongoClient } from 'mongodb';
import { platformModules } from '../platform-contexts';
import { NEEDLES, PERSON, byteHits, filesUnder, runErasureJourney } from './erasure-journey';

/**
 * The raw-file proof of erasure (erasure-raw-files.spec.ts) with the read models on a MongoDB-wire
 * server (`npm run test:infra`: FerretDB): the same journey through every context, then erasure, then —
 * right after it answers — a byte search of the platform's files (events, keys, topics) and a search of
 * every document of the read-model database over the wire. Without MONGO_URL this fails, as every
 * int-spec does.
 *
 * Not asserted: the server's own files. Searching FerretDB's (FERRETDB_DATA_DIR) finds the person in the
 * database's SQLite WAL right after erasure: FerretDB 1.x answers `compact` (bytesFreed 0) without
 * checkpointing its WAL, so `flushErasures` cannot drop those bytes over the wire (ADR 0013, "Left open").
 * A MongoDB server's files are out of this process's reach.
 */
describe('erasure leaves nothing to recover, with the read models on MongoDB wire', () => {
  const url = process.env.MONGO_URL;
  const database = `c360_test_erasure_${process.pid}_${Date.now().toString(36)}`;
  let platform: TestPlatform;
  let client: MongoClient;

  beforeAll(async () => {
    if (!url) throw new Error('MONGO_URL is not set: run `npm run test:infra` (starts FerretDB), or point it at a MongoDB server');
    client = await MongoClient.connect(url);
  });
  afterAll(async () => {
    await client?.db(database).dropDatabase();
    await client?.close();
  });
  beforeEach(async () => {
    platform = await createTestPlatform({
      imports: platformModules(),
      env: { TOPICS: 'files', READ_MODEL_STORE: 'mongodb', MONGO_URL: url ?? '', MONGO_DB: database },
    });
    platform.clock.set('2026-03-01T10:00:00.000Z');
  });
  afterEach(() => platform.close());

  /** Needle → where it was found: files of the platform, and collections of the read-model database. */
  async function hits(): Promise<Record<string, string[]>> {
    const found = byteHits(filesUnder(platform.dataDir), NEEDLES);
    const db = client.db(database);
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const text = JSON.stringify(await db.collection(name).find({}).toArray()).toLowerCase();
      for (const needle of NEEDLES) {
        if (text.includes(needle.toLowerCase())) found[needle] = [...(found[needle] ?? []), `${database}.${name}`];
      }
    }
    return found;
  }

  it('finds the person before erasure and nowhere right after it returns', async () => {
    const { customerId, dealId } = await runErasureJourney(platform);
    // Before: contacts' profile keeps the plaintext its search needs, on the server — so a miss later means something.
    const before = await hits();
    expect(Object.keys(before)).toEqual(expect.arrayContaining([PERSON.email, PERSON.last]));
    expect(Object.values(before).flat()).toEqual(expect.arrayContaining([expect.stringContaining(`${database}.`)]));

    const erased = await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    expect(erased.body).toMatchObject({ customerId, readModelsErased: true });

    expect(await hits()).toEqual({});
    expect((await platform.http.get(`/deals/${dealId}`).expect(200)).body.title).toEqual({ $erased: true });
  });
});
