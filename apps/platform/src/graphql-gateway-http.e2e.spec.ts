import { GatewayModule, loadServiceUrls } from '@c360/runtime';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformContexts, platformModules } from './platform-contexts';

/**
 * Services running apart: the gateway (no context of its own) sends each operation over HTTP to the
 * service that owns it — here a real platform listening on 127.0.0.1 — with the caller's own token.
 */
describe('GraphQL gateway over HTTP', () => {
  let services: TestPlatform;
  let gateway: TestPlatform;
  beforeAll(async () => {
    services = await createTestPlatform({ imports: platformModules() });
    await services.app.listen(0, '127.0.0.1');
    const address = services.app.getHttpServer().address() as { port: number };
    const urls = Object.fromEntries(platformContexts.map((context) => [context.name, `http://127.0.0.1:${address.port}`]));
    gateway = await createTestPlatform({ imports: [GatewayModule.forRoot({ contexts: platformContexts, services: urls })] });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await services?.close();
  });

  const graphql = async (query: string, headers: Record<string, string>) =>
    (await gateway.anonymous.post('/graphql').set(headers).send({ query })).body as {
      data?: Record<string, { state: { ticketId?: string; customerId?: string } }> | null;
      errors?: Array<{ extensions: Record<string, unknown> }>;
    };

  it('writes with the caller as the acting user and maps the service’s refusals to codes', async () => {
    const registered = await graphql(
      `
        mutation {
          registerCustomer(input: { name: { first: "Somchai" } }, idempotencyKey: "0190a000-0000-7000-8000-0000000000a1") {
            version
            state
          }
        }
      `,
      authHeaders('agent', 'agent-somchai'),
    );
    expect(registered.errors).toBeUndefined();
    const customerId = registered.data?.registerCustomer.state.customerId;
    const events = await services.stores.eventStore.readAll({ maxCount: 1_000 });
    const written = events.events.find((event) => event.type.endsWith('customer-registered'));
    expect(written?.metadata.actor).toEqual({ id: 'agent-somchai', role: 'agent' });
    expect(written?.data).toMatchObject({ customerId });

    const invalid = await graphql(
      `
        mutation {
          openTicket(input: { subject: "" }, idempotencyKey: "0190a000-0000-7000-8000-0000000000a2") {
            version
          }
        }
      `,
      authHeaders('agent'),
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^input\./) });

    const supervisorOnly = await graphql(
      `
        mutation {
          setTiers(input: {}, idempotencyKey: "0190a000-0000-7000-8000-0000000000a3") {
            version
          }
        }
      `,
      authHeaders('agent'),
    );
    expect(supervisorOnly.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses to start without a URL for each context, naming the variable', () => {
    expect(() => loadServiceUrls(['tickets', 'customer360'], { C360_SERVICE_URL_TICKETS: 'http://tickets:3000' })).toThrow(
      'C360_SERVICE_URL_CUSTOMER360 is required',
    );
    expect(() => loadServiceUrls(['tickets'], { C360_SERVICE_URL_TICKETS: 'tickets:3000' })).toThrow('must be an http(s) URL');
  });
});
