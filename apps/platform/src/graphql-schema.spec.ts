import { printGatewaySchema, routeTable } from '@c360/runtime';
import { createTestPlatform } from '@c360/runtime/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformContexts, platformModules } from './platform-contexts';

/**
 * The gateway's schema: the committed SDL is what the definitions make (run `npm run graphql:schema`
 * after changing an operation), and every route a context serves to staff is one GraphQL field that
 * declares the same roles — the schema cannot quietly miss a command or open a field wider than its route.
 */
describe('the GraphQL schema', () => {
  it('matches docs/graphql/schema.graphql (regenerate with npm run graphql:schema)', async () => {
    const committed = readFileSync(join(__dirname, '../../../docs/graphql/schema.graphql'), 'utf8');
    expect(await printGatewaySchema(platformContexts)).toBe(committed);
  });

  it('has one field per staff route of every context, with the route’s roles, and no field without its route', async () => {
    const platform = await createTestPlatform({ imports: platformModules() });
    try {
      const table = routeTable(platform.app);
      const missing: string[] = [];
      const unmatched: string[] = [];
      for (const context of platformContexts) {
        const controllers = new Set(context.controllers ?? []);
        const routes = table.filter((route) => controllers.has(route.controller) && route.access?.kind === 'roles');
        const operations = context.graphql ?? [];
        for (const route of routes) {
          const fields = operations.filter((operation) => operation.method === route.method && operation.path === route.path);
          const roles = route.access?.kind === 'roles' ? [...route.access.roles].sort() : [];
          if (fields.length !== 1) missing.push(`${context.name}: ${route.method} ${route.path} has ${fields.length} fields`);
          else if (JSON.stringify([...fields[0].roles].sort()) !== JSON.stringify(roles)) {
            missing.push(`${context.name}: ${fields[0].name} declares ${fields[0].roles.join(',')}, its route ${roles.join(',')}`);
          }
        }
        for (const operation of operations) {
          if (!routes.some((route) => route.method === operation.method && route.path === operation.path)) {
            unmatched.push(`${context.name}: ${operation.name} → ${operation.method} ${operation.path}`);
          }
        }
      }
      expect(missing).toEqual([]);
      expect(unmatched).toEqual([]);
    } finally {
      await platform.close();
    }
  }, 60_000);
});
