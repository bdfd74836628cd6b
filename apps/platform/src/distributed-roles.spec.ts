import { ContactsModule } from '@c360/contacts-api';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';

/**
 * Distributed mode (issue 19) in one spec: two "processes" over one data directory, one serving the
 * API (`C360_ROLE=api`), one running the processors under leases (`C360_ROLE=processors`).
 */
describe('C360_ROLE: the API in one process, the processors in another', () => {
  let processors: TestPlatform;
  let api: TestPlatform;

  beforeAll(async () => {
    processors = await createTestPlatform({
      imports: [ContactsModule],
      env: { C360_ROLE: 'processors', C360_PROCESSOR_LEASES: 'on', C360_INSTANCE_ID: 'processors-1' },
    });
    api = await createTestPlatform({ imports: [ContactsModule], env: { C360_ROLE: 'api' }, dataDir: processors.dataDir });
  });
  afterAll(async () => {
    await api?.close();
    await processors?.close();
  });

  it('serves no context API from the processors process, only health and the processor admin', async () => {
    await processors.http
      .post('/customers')
      .send({ name: { first: 'Ada' } })
      .expect(404);
    await processors.anonymous.get('/health/live').expect(200);
    await processors.as('admin').get('/admin/processors').expect(200);
  });

  it('answers a command in the API process and reads it back once the other process has projected it', async () => {
    const created = await api.http
      .post('/customers')
      .send({ name: { first: 'Ada', last: 'Lovelace' } })
      .expect(201);
    const position = created.headers['c360-position'];
    expect(position).toMatch(/^\d+$/);
    const read = await api.http.get(`/customers/${created.body.customerId}`).set('C360-Min-Position', position).expect(200);
    expect(read.body).toMatchObject({ customerId: created.body.customerId });
  });

  it('follows the processors through their checkpoints, working on none of them itself', async () => {
    const following = await api.processors.statuses();
    expect(following.length).toBeGreaterThan(0);
    expect(new Set(following.map((status) => status.state))).toEqual(new Set(['standby']));
    const working = await processors.processors.statuses();
    expect(working.every((status) => status.lease?.holder === 'processors-1')).toBe(true);
    const checkpoints = new Map(working.map((status) => [status.name, status.checkpoint]));
    for (const status of following) expect(status.checkpoint).toBe(checkpoints.get(status.name));
  });
});
