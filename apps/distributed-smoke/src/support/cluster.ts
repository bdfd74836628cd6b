import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from './app-process';
import { DISTRIBUTED_SECRET } from './tokens';

/**
 * Short leases so a takeover fits the run: a dead holder's work moves within TTL + TTL/3. Not shorter:
 * with ten processes on two shared cores and FerretDB answering every renewal, 2 s and even 4 s leases
 * expired under their live holders at load average 14 (renewals queued behind the other apps' work) and
 * changed hands over and over: harmless (fenced) but noise. Production keeps the 10 s default.
 */
export const LEASE_TTL_MS = 5_000;

/** The context services, each `npm run start:<app>` with `C360_ROLE=api`. */
const SERVICES = {
  contacts: 'apps/contacts/src/main.ts',
  sales: 'apps/sales/src/main.ts',
  tickets: 'apps/tickets/src/main.ts',
  loyalty: 'apps/loyalty/src/main.ts',
  customer360: 'apps/customer360/src/main.ts',
  surveys: 'apps/surveys/src/main.ts',
} as const;
export type ServiceName = keyof typeof SERVICES;

export interface Cluster {
  readonly dataDir: string;
  readonly logDir: string;
  readonly services: Readonly<Record<ServiceName, AppProcess>>;
  readonly processors: readonly AppProcess[];
  readonly relay: AppProcess;
  /** The agents' front door: forwards every command and query to the owning service with the caller's token. */
  readonly gateway: AppProcess;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * What every process of one deployment shares (docs/operations.md): the event log (the embedded SQLite
 * file in one data dir, or EventStoreDB where EVENTSTORE_URL is set), the read models on the MongoDB-wire
 * server (MONGO_URL: FerretDB here), Kafka for topics, the signing secret. Read models on MongoDB rather
 * than the shared `read-models.db`: that is the production layout, and its lease adapter is the one
 * several hosts would use. A fresh database name per run keeps runs apart.
 */
export function sharedEnv(dataDir: string): Record<string, string> {
  const mongoUrl = required('MONGO_URL');
  const brokers = required('KAFKA_BROKERS');
  const eventStoreUrl = process.env.EVENTSTORE_URL;
  return {
    C360_DATA_DIR: dataDir,
    C360_AUTH_SECRET: DISTRIBUTED_SECRET,
    ...(eventStoreUrl
      ? { EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: eventStoreUrl, HEALTH_MAX_LAG: '10000000' }
      : { EVENT_STORE: 'sqlite', SQLITE_DURABILITY: 'normal' }),
    READ_MODEL_STORE: 'mongodb',
    MONGO_URL: mongoUrl,
    MONGO_DB: `c360-dist-${randomUUID().slice(0, 8)}`,
    TOPICS: 'kafka',
    KAFKA_BROKERS: brokers,
    // A read with C360-Min-Position may have to wait out a takeover and the catch-up after it (see the spec).
    READ_MIN_POSITION_WAIT_MS: '30000',
    LOYALTY_SCHEDULER_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
}

/**
 * Starts the distributed platform: two processor instances first (the first takes every lease, the second
 * stands by), then the relay, then the context services, then the gateway in front of them. Starts are sequential: two cores, and SQLite
 * schema creation is cheaper without contention.
 */
export async function startCluster(): Promise<Cluster> {
  const root = mkdtempSync(join(tmpdir(), 'c360-dist-'));
  const dataDir = join(root, 'data');
  const logDir = join(root, 'logs');
  mkdirSync(dataDir);
  mkdirSync(logDir);
  const env = sharedEnv(dataDir);
  const start = (name: string, entry: string, own: Record<string, string>) =>
    AppProcess.start({ name, entry, logDir, env: { ...env, OTEL_SERVICE_NAME: name, ...own } });
  const processorEnv = (instance: string) => ({
    C360_ROLE: 'processors',
    C360_PROCESSOR_LEASES: 'on',
    C360_PROCESSOR_LEASE_TTL_MS: String(LEASE_TTL_MS),
    C360_INSTANCE_ID: instance,
    // Their lease lines (holds, stands by, lost) are what a failed takeover is diagnosed from.
    LOG_LEVEL: 'log',
  });
  const processors = [
    await start('processors-1', 'apps/platform/src/main.ts', processorEnv('processors-1')),
    await start('processors-2', 'apps/platform/src/main.ts', processorEnv('processors-2')),
  ];
  const relay = await start('relay', 'apps/relay/src/main.ts', processorEnv('relay'));
  const services = {} as Record<ServiceName, AppProcess>;
  for (const [name, entry] of Object.entries(SERVICES) as Array<[ServiceName, string]>) {
    // Surveys reads segment members from the customer 360 service (started before it, in SERVICES' order).
    const own: Record<string, string> = name === 'surveys' ? { C360_SERVICE_URL_CUSTOMER360: services.customer360.url } : {};
    services[name] = await start(name, entry, { C360_ROLE: 'api', ...own });
  }
  const serviceUrls = Object.fromEntries(
    Object.entries(services).map(([name, service]) => [`C360_SERVICE_URL_${name.toUpperCase()}`, service.url]),
  );
  // Above the services' READ_MIN_POSITION_WAIT_MS (30 s here), so a waiting read answers before the gateway gives up.
  const gateway = await start('gateway', 'apps/gateway/src/main.ts', {
    C360_ROLE: 'api',
    C360_SERVICE_TIMEOUT_MS: '45000',
    ...serviceUrls,
  });
  return { dataDir, logDir, services, processors, relay, gateway, env };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through \`npm run test:distributed\` (infra/test-distributed.sh)`);
  return value;
}
