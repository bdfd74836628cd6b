import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error';

/**
 * Everything the platform reads from the environment, validated once at start-up. Which adapter runs
 * is configuration, never a code change; see docs/configuration.md for every variable.
 */
export interface PlatformConfig {
  readonly dataDir: string;
  readonly http: { readonly host: string; readonly port: number };
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly file: string; readonly durability: 'full' | 'normal' }
    | { readonly kind: 'eventstoredb'; readonly url: string };
  readonly readModels:
    | {
        readonly kind: 'sqlite';
        readonly file: string;
        /** Read models are derived and rebuildable: `normal` by default (ADR 0012). */
        readonly durability: 'full' | 'normal';
        /** A read-model file that cannot be opened: moved aside and rebuilt, or start-up refused. */
        readonly onCorrupt: 'rebuild' | 'refuse';
      }
    | { readonly kind: 'mongodb'; readonly url: string; readonly database: string };
  /** Where the relay keeps its checkpoint: apart from the read models, so a rebuild never re-publishes. */
  readonly relayCheckpointFile: string;
  readonly topics:
    | { readonly kind: 'files'; readonly dir: string }
    | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly clientId: string }
    | { readonly kind: 'off' };
  /** A processor with more unprocessed events of its own filter than this degrades its component. */
  readonly maxReadyLag: number;
  /** A processor whose oldest unprocessed event is older than this (seconds) degrades its component. */
  readonly maxReadyLagSeconds: number;
  /** Milliseconds a processor may hold the event loop with one chunk of events (ADR 0012). */
  readonly processorTimeBudgetMs: number;
  /** Milliseconds a live processor lets events gather before its next read (fewer, larger transactions). */
  readonly processorLingerMs: number;
  /**
   * Work sharing (issue 19): with `C360_PROCESSOR_LEASES=on`, every processor of this instance works only
   * while it holds that processor's lease (several instances may run the same processors); off by default,
   * where one process runs everything.
   */
  readonly processorLeases: { readonly holder: string; readonly ttlMs: number } | undefined;
  /**
   * `all` (default): the APIs and the processors in one process. `api`: the HTTP APIs only; processors
   * run elsewhere and are followed through their stored checkpoints. `processors`: the processors, with
   * health, metrics and the processor admin API, and no context API (distributed mode, issue 19).
   */
  readonly role: 'all' | 'api' | 'processors';
  /**
   * With role `all`: `thread` (default) runs the processors on a worker thread of the same process, with
   * their own store connections, so that HTTP and processors each have a core (ADR 0029); `inline` runs
   * them on the event loop that serves HTTP (ADR 0012), for one core or the least memory.
   */
  readonly processors: 'thread' | 'inline';
  /**
   * How far V8 lets the heap grow past what survived its last full collection, in percent (ADR 0031).
   * 0 (default) leaves it to V8, which grows it up to fourfold with garbage; 50 bounds the memory of a
   * catch-up or a busy platform by about 200 MiB, for more GC work and a longer latency tail.
   */
  readonly heapGrowthPercent: number;
  /** Longest a read asking for `C360-Min-Position` waits for the read models (milliseconds). */
  readonly minPositionWaitMs: number;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** `json` (one object a line, for collectors; default) or `pretty` (default under NODE_ENV=development). */
  readonly logFormat: 'json' | 'pretty';
  /** `/metrics` on the app's own port (behind its guards), or on a separate port when `port` is set. */
  readonly metrics: { readonly port: number | undefined; readonly host: string };
  /** OpenTelemetry traces: off unless an OTLP endpoint is configured. */
  readonly tracing: { readonly endpoint: string | undefined; readonly serviceName: string };
  /** `refuse` (default): a stored checkpoint that no processor claims stops start-up; `ignore` lets it be. */
  readonly orphanedCheckpoints: 'refuse' | 'ignore';
  readonly auth: AuthConfig;
}

/** How tokens are signed (ADR 0011). */
export interface AuthConfig {
  /** `development` (default): the secret may live in `<data>/auth-secret`; `production`: it must come from C360_AUTH_SECRET. */
  readonly mode: 'development' | 'production';
  /** C360_AUTH_SECRET, when set: at least 32 characters. */
  readonly secret?: string;
  /** Where the embedded default keeps (and on first start creates) its secret. */
  readonly secretFile: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): PlatformConfig {
  const problems: string[] = [];
  const read = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = env[name]?.trim() || fallback;
    if (!allowed.includes(value as T)) problems.push(`${name}="${value}" must be one of: ${allowed.join(', ')}`);
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, schemes: readonly string[], needed: boolean): string => {
    const value = env[name]?.trim() ?? '';
    if (!needed) return value;
    if (!value) problems.push(`${name} is required by the chosen adapter (${schemes.join(' or ')} URL)`);
    else if (!schemes.some((scheme) => value.startsWith(`${scheme}://`))) {
      problems.push(`${name}="${value}" must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);
    }
    return value;
  };

  const dataDirRaw = env.C360_DATA_DIR?.trim() || 'data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const durability = read('SQLITE_DURABILITY', ['full', 'normal'] as const, 'full');
  const readModelDurability = read('READ_MODEL_DURABILITY', ['full', 'normal'] as const, 'normal');
  const onCorrupt = read('READ_MODELS_ON_CORRUPT', ['rebuild', 'refuse'] as const, 'rebuild');
  const eventStoreKind = read('EVENT_STORE', ['sqlite', 'eventstoredb'] as const, 'sqlite');
  const readModelKind = read('READ_MODEL_STORE', ['sqlite', 'mongodb'] as const, 'sqlite');
  const topicsKind = read('TOPICS', ['files', 'kafka', 'off'] as const, 'files');
  const eventStoreUrl = url('EVENTSTORE_URL', ['esdb', 'esdb+discover'], eventStoreKind === 'eventstoredb');
  const mongoUrl = url('MONGO_URL', ['mongodb', 'mongodb+srv'], readModelKind === 'mongodb');
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (topicsKind === 'kafka') {
    if (brokers.length === 0) problems.push('KAFKA_BROKERS is required when TOPICS=kafka (host:port, comma-separated)');
    for (const broker of brokers) if (!/^[^:\s]+:\d{1,5}$/.test(broker)) problems.push(`KAFKA_BROKERS entry "${broker}" must be host:port`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = integer('PORT', 3000, 0, 65535);
  const maxReadyLag = integer('HEALTH_MAX_LAG', 10_000, 0, Number.MAX_SAFE_INTEGER);
  const maxReadyLagSeconds = integer('HEALTH_MAX_LAG_SECONDS', 30, 0, 86_400);
  const processorTimeBudgetMs = integer('PROCESSOR_TIME_BUDGET_MS', 25, 1, 10_000);
  const processorLingerMs = integer('PROCESSOR_LINGER_MS', 0, 0, 1_000);
  const role = read('C360_ROLE', ['all', 'api', 'processors'] as const, 'all');
  const processors = read('C360_PROCESSORS', ['thread', 'inline'] as const, 'thread');
  const heapGrowthPercent = integer('C360_HEAP_GROWTH_PERCENT', 0, 0, 400);
  const leases = read('C360_PROCESSOR_LEASES', ['off', 'on'] as const, 'off');
  const leaseTtlMs = integer('C360_PROCESSOR_LEASE_TTL_MS', 10_000, 500, 600_000);
  const instanceId = env.C360_INSTANCE_ID?.trim() || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(instanceId)) problems.push(`C360_INSTANCE_ID="${instanceId}" must be 1-100 letters, digits or ._:-`);
  const minPositionWaitMs = integer('READ_MIN_POSITION_WAIT_MS', 2_000, 0, 30_000);
  const logLevel = read('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log');
  const logFormat = read('LOG_FORMAT', ['json', 'pretty'] as const, env.NODE_ENV === 'development' ? 'pretty' : 'json');
  const metricsPort = env.METRICS_PORT?.trim() ? integer('METRICS_PORT', 0, 0, 65535) : undefined;
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port)
    problems.push(`METRICS_PORT="${metricsPort}" must differ from PORT`);
  const otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (otlpEndpoint !== undefined) url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http', 'https'], true);
  const orphanedCheckpoints = read('C360_ORPHANED_CHECKPOINTS', ['refuse', 'ignore'] as const, 'refuse');
  const mode = read('C360_ENV', ['development', 'production'] as const, 'development');
  const secret = env.C360_AUTH_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < 32)
    problems.push('C360_AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)');
  if (secret === undefined && mode === 'production') {
    problems.push('C360_AUTH_SECRET is required when C360_ENV=production (tokens must not be signed with a secret from a local file)');
  }
  const database = env.MONGO_DB?.trim() || 'c360';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(database)) problems.push(`MONGO_DB="${database}" must be 1-63 letters, digits, "_" or "-"`);

  if (problems.length) throw new ConfigError(problems);
  return {
    dataDir,
    http: { host, port },
    eventStore:
      eventStoreKind === 'sqlite'
        ? { kind: 'sqlite', file: resolve(dataDir, 'events.db'), durability }
        : { kind: 'eventstoredb', url: eventStoreUrl },
    readModels:
      readModelKind === 'sqlite'
        ? { kind: 'sqlite', file: resolve(dataDir, 'read-models.db'), durability: readModelDurability, onCorrupt }
        : { kind: 'mongodb', url: mongoUrl, database },
    relayCheckpointFile: resolve(dataDir, 'relay-checkpoints.db'),
    topics:
      topicsKind === 'files'
        ? { kind: 'files', dir: resolve(dataDir, 'topics') }
        : topicsKind === 'kafka'
          ? { kind: 'kafka', brokers, clientId: env.KAFKA_CLIENT_ID?.trim() || 'c360' }
          : { kind: 'off' },
    maxReadyLag,
    maxReadyLagSeconds,
    processorTimeBudgetMs,
    processorLingerMs,
    role,
    processors,
    heapGrowthPercent,
    processorLeases: leases === 'on' ? { holder: instanceId, ttlMs: leaseTtlMs } : undefined,
    minPositionWaitMs,
    logLevel,
    logFormat,
    metrics: { port: metricsPort, host: env.METRICS_HOST?.trim() || host },
    tracing: { endpoint: otlpEndpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || 'customer-360' },
    orphanedCheckpoints,
    auth: { mode, secret, secretFile: resolve(dataDir, 'auth-secret') },
  };
}
