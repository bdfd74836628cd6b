import { API_DOCS_ROUTES } from '@c360/runtime';
import { createTestPlatform, probeRoleTable, type RoleTableFindings, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

/** The role table of `npm start` (every context's routes, health, admin), proved against the router. */
describe('the role table of the platform', () => {
  let platform: TestPlatform;
  let findings: RoleTableFindings;
  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    findings = await probeRoleTable(platform, { pluginRoutes: API_DOCS_ROUTES });
  }, 120_000);
  afterAll(() => platform.close());

  it('declares who may call every route the router serves', () => {
    expect(platform.routes.map((route) => `${route.method} ${route.url}`)).toContain('PATCH /customers/:id');
    expect(findings.undeclared).toEqual([]);
    expect(findings.table.length).toBeGreaterThan(90);
    expect(findings.table.filter((row) => row.endsWith('UNDECLARED'))).toEqual([]);
  });

  it('answers 401 without a credential or with a forged, unsigned or expired token, and 403 to a role outside the table', () => {
    expect(findings.mismatches).toEqual([]);
  });

  it('keeps health public and the partner API behind the partner key', () => {
    expect(findings.table).toContain('GET /health/ready  public');
    expect(findings.table).toContain('POST /loyalty/partner-api/earnings  credential: partner-key');
    expect(findings.table).toContain('PUT /loyalty/program/tiers  roles: supervisor');
    expect(findings.table).toContain('POST /admin/api-keys  roles: admin');
  });
});
