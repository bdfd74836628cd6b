import { routeTable } from '@c360/runtime';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

type Operation = {
  summary?: string;
  responses: Record<string, unknown>;
  security?: unknown[];
  'x-roles'?: string[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('the API description', () => {
  let platform: TestPlatform;
  let document: Document;
  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    document = (await platform.anonymous.get('/openapi.json').expect(200)).body as Document;
  });
  afterAll(() => platform.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  it('is an OpenAPI 3 document with every route of the app', () => {
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    const routes = routeTable(platform.app).map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    expect(documented.size).toBe(routes.length);
  });

  it('gives every operation a summary, its error answers and who may call it', () => {
    const missing = operations().flatMap(({ path, method, op }) => {
      const problems = [
        ...(op.summary ? [] : ['summary']),
        ...(op.security ? [] : ['security']),
        ...(op.security?.length === 0 ? [] : ['401', '503'].filter((status) => !op.responses[status])),
        ...(op.requestBody && !op.responses['400'] ? ['400'] : []),
      ];
      return problems.length ? [`${method.toUpperCase()} ${path}: ${problems.join(', ')}`] : [];
    });
    expect(missing).toEqual([]);
    expect(document.paths['/loyalty/program/tiers'].put['x-roles']).toEqual(['supervisor']);
    expect(document.paths['/health/ready'].get.security).toEqual([]);
  });

  it('describes request bodies from the DTOs, nested objects included', () => {
    const tiers = document.paths['/loyalty/program/tiers'].put.requestBody?.content['application/json'].schema.$ref ?? '';
    const schema = document.components.schemas[tiers.split('/').pop() ?? ''];
    expect(schema.required).toEqual(expect.arrayContaining(['thresholds', 'windowMonths', 'gracePeriodDays']));
    expect(schema.properties?.windowMonths).toMatchObject({ type: 'integer', minimum: 1, maximum: 60 });
    expect(JSON.stringify(schema.properties?.thresholds)).toContain('#/components/schemas/ThresholdsDto');
  });

  it('serves Swagger UI at /docs from the project own files, without a credential and without a CDN', async () => {
    const page = await platform.anonymous.get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.text).not.toMatch(/(src|href)="https?:\/\//);
    await platform.anonymous.get('/docs/swagger-ui-bundle.js').expect(200);
  });
});
