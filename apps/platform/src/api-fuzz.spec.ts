import {
  createTestPlatform,
  fuzzableOperations,
  invalidRequest,
  wrongAnswer,
  type FuzzOperation,
  type FuzzRequest,
  type TestPlatform,
} from '@c360/runtime/testing';
import fc from 'fast-check';
import { platformModules } from './platform-contexts';

/**
 * Property-based fuzzing of every route the API description lists: each request carries at least one
 * definite violation (a wrong type, a missing or unknown field, a bad id, cursor or limit) among odd
 * unicode, huge strings and extreme numbers. No answer may be a 5xx, nothing may be appended, and the
 * answer must be a 400 whose `fields` name only fields the request broke or filled with odd values. About 2,000 requests over ~90 operations by default; C360_FUZZ_RUNS=20000 for more.
 */
const TOTAL_RUNS = Number(process.env.C360_FUZZ_RUNS ?? 3_000);

describe('fuzzing every route with invalid input', () => {
  let platform: TestPlatform;
  let operations: FuzzOperation[];
  let partnerKey: string;
  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    operations = fuzzableOperations((await platform.anonymous.get('/openapi.json').expect(200)).body);
    partnerKey = (await platform.as('supervisor').post('/loyalty/partners').send({ name: 'FuzzAir' }).expect(201)).body.apiKey;
  });
  afterAll(() => platform.close());

  const send = async (operation: FuzzOperation, request: FuzzRequest) => {
    const client = operation.credential ? platform.anonymous : platform.as(operation.role);
    const call = client[operation.method](request.url).set(operation.credential ? { 'X-Partner-Key': partnerKey } : {});
    return request.body === undefined ? call : call.set('Content-Type', 'application/json').send(JSON.stringify(request.body));
  };

  it('covers the routes that take input', () => {
    expect(operations.length).toBeGreaterThan(70);
  });

  it('answers every invalid request with a 400 naming only fields it broke, never a 5xx, and writes nothing', async () => {
    const runs = Math.max(5, Math.ceil(TOTAL_RUNS / operations.length));
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const head = await platform.stores.eventStore.headPosition();
      await fc
        .assert(
          fc.asyncProperty(invalidRequest(operation), async (request) => {
            const response = await send(operation, request);
            sent++;
            const wrong = wrongAnswer(request, response.status, response.body);
            if (wrong) failures.push(`${operation.method.toUpperCase()} ${request.url.slice(0, 200)} → ${wrong}`);
            const ok = wrong === undefined;
            return ok;
          }),
          { numRuns: runs, seed: 12, endOnFailure: true },
        )
        .catch(() => undefined);
      expect(await platform.stores.eventStore.headPosition()).toBe(head);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // fast-check may run fewer cases where an operation's generators have few distinct values.
    expect(sent).toBeGreaterThan(TOTAL_RUNS / 2);
  }, 300_000);
});
