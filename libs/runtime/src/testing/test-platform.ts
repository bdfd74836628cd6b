import type { Upcaster } from '@c360/kernel';
import { FakeClock } from '@c360/kernel/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Role } from '../auth/roles';
import { loadConfig, type PlatformConfig } from '../config/platform-config';
import { configureHttpApp } from '../http/http-app';
import { createStores, type Stores } from '../infrastructure/store-factory';
import type { LogCapture } from '../observability/logging/log-capture';
import { ProcessorHost } from '../processors/processor-host';
import { platformImports, type ServiceModules } from '../service/service.module';
import { TEST_AUTH_SECRET, authHeaders } from './test-tokens';

type HttpClient = ReturnType<typeof request.agent>;

export interface RouterRoute {
  readonly method: string;
  readonly url: string;
}

export interface TestPlatform {
  readonly app: NestFastifyApplication;
  /**
   * supertest against the app, authenticated as an agent (`agent-1`), the least privileged role that
   * does the day-to-day work: `await platform.http.post('/customers').send({...}).expect(201)`.
   */
  readonly http: HttpClient;
  /** supertest authenticated as another role (and user): `platform.as('supervisor').put(...)`. */
  as(role: Role, user?: string): HttpClient;
  /** supertest without any credential (401s). */
  readonly anonymous: ReturnType<typeof request>;
  /** Every route the Fastify router registered (controllers and plugins alike), as the router has them. */
  readonly routes: readonly RouterRoute[];
  readonly stores: Stores;
  readonly clock: FakeClock;
  readonly processors: ProcessorHost;
  readonly config: PlatformConfig;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * A whole platform for API specs: the given context modules on embedded stores in a fresh temporary
 * directory, a FakeClock, Fastify and the same pipes and filters as production.
 */
export async function createTestPlatform(options: {
  imports: ServiceModules;
  clock?: FakeClock;
  env?: Record<string, string>;
  /** Share another platform's data directory (two processes' roles, in one spec); it is not removed on close. */
  dataDir?: string;
  upcasters?: readonly Upcaster[];
  /** Captures the app's log lines (request, batch and Nest logs, as JSON); without it logs go nowhere. */
  logs?: LogCapture;
  /** Turns tracing on with this exporter (an InMemorySpanExporter). */
  spanExporter?: SpanExporter;
}): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'c360-test-'));
  const config = loadConfig({
    C360_DATA_DIR: dataDir,
    SQLITE_DURABILITY: 'normal',
    TOPICS: 'off',
    C360_AUTH_SECRET: TEST_AUTH_SECRET,
    ...options.env,
  });
  const stores = await createStores(config);
  const clock = options.clock ?? new FakeClock();
  const moduleRef = await Test.createTestingModule({
    imports: platformImports(
      options.imports,
      { config, clock, stores, upcasters: options.upcasters },
      { logDestination: options.logs ?? { write: () => undefined }, spanExporter: options.spanExporter },
    ),
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
  configureHttpApp(app);
  // Nest's own Logger calls (processors, workflows, the error filter) join the capture, as in production.
  if (options.logs) app.useLogger(app.get(PinoNestLogger));
  const routes: RouterRoute[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url ?? route.path });
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const as = (role: Role, user?: string): HttpClient => request.agent(app.getHttpServer()).set(authHeaders(role, user));
  return {
    app,
    http: as('agent'),
    as,
    anonymous: request(app.getHttpServer()),
    routes,
    stores,
    clock,
    processors: app.get(ProcessorHost),
    config,
    dataDir,
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
