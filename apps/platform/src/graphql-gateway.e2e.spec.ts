import { GatewayModule } from '@c360/runtime';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { createHash } from 'node:crypto';
import { platformContexts, platformModules } from './platform-contexts';

const KEY_1 = '0190a000-0000-7000-8000-000000000001';
const KEY_2 = '0190a000-0000-7000-8000-000000000002';
const KEY_3 = '0190a000-0000-7000-8000-000000000003';

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
}

/**
 * The GraphQL gateway in the embedded platform: mutations and queries answered by the contexts' own
 * routes in-process, with the caller's token, the route's rules and the route's errors as GraphQL codes.
 */
describe('GraphQL gateway (in-process)', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({
      imports: [...platformModules(), GatewayModule.forRoot({ contexts: platformContexts, services: 'in-process' })],
    });
    platform.clock.set('2026-03-01T10:00:00.000Z');
  });
  afterEach(() => platform.close());

  const graphql = async (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = authHeaders('agent', 'agent-ann'),
  ): Promise<GraphqlAnswer> => {
    const response = await platform.anonymous.post('/graphql').set(headers).send({ query, variables });
    return response.body as GraphqlAnswer;
  };
  const register = (first: string, phone: string, key = KEY_1) =>
    graphql(
      `
        mutation ($input: JSON!, $key: ID!) {
          registerCustomer(input: $input, idempotencyKey: $key) {
            version
            duplicate
            state
          }
        }
      `,
      { input: { name: { first, last: 'Karimi' }, phones: [phone], emails: [`${first.toLowerCase()}@example.com`] }, key },
    );

  it('registers through the command path, records the acting user, and answers the 360 of the customer', async () => {
    const written = await register('Sara', '+989121234567');
    expect(written.errors).toBeUndefined();
    const result = written.data?.registerCustomer as { version: number; duplicate: boolean; state: { customerId: string } };
    expect(result).toMatchObject({ version: expect.any(Number), duplicate: false });
    const customerId = result.state.customerId;

    const again = await register('Sara', '+989121234567');
    expect(again.data?.registerCustomer).toMatchObject({ duplicate: true, state: { customerId } });

    const events = await platform.stores.eventStore.readAll({ maxCount: 100 });
    const registered = events.events.find((event) => event.type.endsWith('customer-registered'));
    expect(registered?.metadata.actor).toEqual({ id: 'agent-ann', role: 'agent' });

    await platform.processors.waitUntilCaughtUp();
    const read = await graphql(
      `
        query ($id: ID!) {
          customer360(customerId: $id)
          customerTimeline(customerId: $id, limit: 20) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node
            }
          }
        }
      `,
      { id: customerId },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.customer360).toMatchObject({ customerId });
    const timeline = read.data?.customerTimeline as { edges: Array<{ node: { kind: string } }>; pageInfo: { hasNextPage: boolean } };
    expect(timeline.edges.map((edge) => edge.node.kind)).toContain('profile');
    expect(timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('masks personal data for an auditor unless the query is an audit, which is recorded', async () => {
    const written = await register('Sara', '+989121234567');
    const customerId = (written.data?.registerCustomer as { state: { customerId: string } }).state.customerId;
    await platform.processors.waitUntilCaughtUp();
    const query = `query ($id: ID!, $audit: String) { customer(id: $id, audit: $audit) }`;
    const masked = await graphql(query, { id: customerId }, authHeaders('auditor', 'aud-1'));
    expect(masked.errors).toBeUndefined();
    const profile = masked.data?.customer as { phones: unknown; name: { first: string } };
    expect(JSON.stringify(profile)).not.toContain('9121234567');
    expect(JSON.stringify(profile)).not.toContain('sara@example.com');
    expect(profile.name.first).not.toBe('Sara');

    const audited = await graphql(query, { id: customerId, audit: 'complaint 2026-17' }, authHeaders('auditor', 'aud-1'));
    expect(JSON.stringify(audited.data?.customer)).toContain('sara@example.com');
    const agent = await graphql(query, { id: customerId });
    expect(JSON.stringify(agent.data?.customer)).toContain('sara@example.com');
  });

  it('answers every refusal with its code: input naming the field, authentication, role, not found, conflict, rule', async () => {
    const before = (await platform.stores.eventStore.readAll({ maxCount: 1_000 })).events.length;
    const bad = await graphql(`mutation { registerCustomer(input: { name: { first: "" } }, idempotencyKey: "${KEY_1}") { version } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^input\.name/) });
    expect((await platform.stores.eventStore.readAll({ maxCount: 1_000 })).events).toHaveLength(before);

    const badKey = await graphql(`
      mutation {
        registerCustomer(input: { name: { first: "Ann" } }, idempotencyKey: "nope") {
          version
        }
      }
    `);
    expect(badKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });

    const anonymous = await graphql(
      `
        {
          slaPolicies
        }
      `,
      {},
      {},
    );
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const auditorWrites = await graphql(
      `mutation { registerCustomer(input: { name: { first: "Ann" } }, idempotencyKey: "${KEY_2}") { version } }`,
      {},
      authHeaders('auditor'),
    );
    expect(auditorWrites.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const missing = await graphql(`
      {
        ticket(ticketId: "0190a000-0000-7000-8000-00000000dead")
      }
    `);
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const written = await register('Ann', '+4791234567', KEY_3);
    const customerId = (written.data?.registerCustomer as { state: { customerId: string } }).state.customerId;
    const stale = await graphql(
      `mutation ($id: ID!) { updateCustomerProfile(id: $id, input: { name: { first: "Anna" } }, idempotencyKey: "${KEY_2}", expectedVersion: 7) { version } }`,
      { id: customerId },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a query deeper than the limit before anything runs', async () => {
    const fragment = 'fragment F on Query { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }';
    const answer = await graphql(`
      {
        ...F
      }
      ${fragment}
    `);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
  });

  it('accepts persisted queries: a hash alone once the query is known, the limits still applied', async () => {
    const query = '{ surveyTemplates(filter: { limit: 1 }) { edges { node } } }';
    const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
    const hash = createHash('sha256').update(query).digest('hex');
    const post = (body: Record<string, unknown>) =>
      platform.anonymous.post('/graphql').set(authHeaders('supervisor', 'sup-sue')).send(body);
    const unknown = await post({ extensions: persisted(hash) });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    const registered = await post({ query, extensions: persisted(hash) });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post({ extensions: persisted(hash) });
    expect(byHash.body).toEqual(registered.body);
    // A query that does not hash to the given value is refused, and a persisted query obeys the depth limit.
    const mismatch = await post({ query, extensions: persisted('0'.repeat(64)) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0].message).toMatch(/does not match/);
    const deep =
      '{ ...F } fragment F on Query { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }';
    const tooDeep = await post({ query: deep, extensions: persisted(createHash('sha256').update(deep).digest('hex')) });
    expect(tooDeep.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
  });

  it('serves GraphiQL and its scripts from the project dependencies', async () => {
    const page = await platform.anonymous.get('/graphiql').expect(200);
    expect(page.text).toContain('/graphiql/assets/graphiql.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    const script = await platform.anonymous.get('/graphiql/assets/graphiql.js').expect(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.text.length).toBeGreaterThan(100_000);
  });
});
