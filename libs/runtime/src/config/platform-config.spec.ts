import { ConfigError } from './config-error';
import { loadConfig } from './platform-config';

describe('loadConfig', () => {
  it('defaults to the embedded stores under ./data', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.eventStore).toEqual({ kind: 'sqlite', file: '/srv/app/data/events.db', durability: 'full' });
    // Read models are derived from the log: fsync per commit buys nothing a rebuild cannot (ADR 0012).
    expect(config.readModels).toEqual({ kind: 'sqlite', file: '/srv/app/data/read-models.db', durability: 'normal', onCorrupt: 'rebuild' });
    expect(config.relayCheckpointFile).toBe('/srv/app/data/relay-checkpoints.db');
    expect(config.topics).toEqual({ kind: 'files', dir: '/srv/app/data/topics' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('chooses the production adapters by configuration', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      READ_MODEL_STORE: 'mongodb',
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      TOPICS: 'kafka',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://localhost:2113?tls=false' });
    expect(config.readModels).toEqual({ kind: 'mongodb', url: 'mongodb://127.0.0.1:27017', database: 'c360' });
    expect(config.topics).toEqual({ kind: 'kafka', brokers: ['127.0.0.1:9092', '127.0.0.1:9093'], clientId: 'c360' });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ EVENT_STORE: 'postgres', READ_MODEL_STORE: 'mongodb', PORT: 'eighty', TOPICS: 'kafka', KAFKA_BROKERS: 'nohost' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/EVENT_STORE="postgres" must be one of: sqlite, eventstoredb/);
    expect(message).toMatch(/MONGO_URL is required/);
    expect(message).toMatch(/PORT="eighty"/);
    expect(message).toMatch(/KAFKA_BROKERS entry "nohost"/);
  });

  it('reads the processor, health and read-your-writes settings, naming a bad one', () => {
    const config = loadConfig({
      HEALTH_MAX_LAG_SECONDS: '5',
      PROCESSOR_TIME_BUDGET_MS: '10',
      READ_MIN_POSITION_WAIT_MS: '500',
      READ_MODEL_DURABILITY: 'full',
    });
    expect(config).toMatchObject({
      maxReadyLagSeconds: 5,
      processorTimeBudgetMs: 10,
      minPositionWaitMs: 500,
      readModels: { durability: 'full' },
    });
    expect(() => loadConfig({ READ_MODELS_ON_CORRUPT: 'delete' })).toThrow(
      /READ_MODELS_ON_CORRUPT="delete" must be one of: rebuild, refuse/,
    );
  });

  it('shares processors between instances only when asked, with a lease per processor', () => {
    expect(loadConfig({}).processorLeases).toBeUndefined();
    expect(loadConfig({ C360_PROCESSOR_LEASES: 'on', C360_INSTANCE_ID: 'processors-2' }).processorLeases).toEqual({
      holder: 'processors-2',
      ttlMs: 10_000,
    });
    expect(loadConfig({ C360_PROCESSOR_LEASES: 'on' }).processorLeases?.holder).toMatch(/^.+-\d+-[0-9a-f]{6}$/);
    expect(() => loadConfig({ C360_PROCESSOR_LEASES: 'yes', C360_PROCESSOR_LEASE_TTL_MS: '10', C360_INSTANCE_ID: 'a b' })).toThrow(
      /C360_PROCESSOR_LEASES[\s\S]*C360_PROCESSOR_LEASE_TTL_MS[\s\S]*C360_INSTANCE_ID/,
    );
  });

  it('runs the processors on their own thread unless told to keep them inline', () => {
    expect(loadConfig({}).processors).toBe('thread');
    expect(loadConfig({ C360_PROCESSORS: 'inline' }).processors).toBe('inline');
    expect(() => loadConfig({ C360_PROCESSORS: 'worker' })).toThrow(/C360_PROCESSORS="worker" must be one of: thread, inline/);
  });

  it("leaves the heap's growth to V8 unless told, and names a bad percentage", () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(0);
    expect(loadConfig({ C360_HEAP_GROWTH_PERCENT: '50' }).heapGrowthPercent).toBe(50);
    expect(() => loadConfig({ C360_HEAP_GROWTH_PERCENT: '-5' })).toThrow(/C360_HEAP_GROWTH_PERCENT="-5" must be an integer from 0 to 400/);
    expect(() => loadConfig({ C360_HEAP_GROWTH_PERCENT: 'half' })).toThrow(/C360_HEAP_GROWTH_PERCENT="half"/);
  });

  it('refuses a URL with the wrong scheme', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'http://x' })).toThrow(
      /EVENTSTORE_URL="http:\/\/x" must start with esdb:\/\//,
    );
  });
});

describe('loadConfig: authentication', () => {
  it('keeps the signing secret under the data directory by default', () => {
    expect(loadConfig({}, '/srv/app').auth).toEqual({ mode: 'development', secret: undefined, secretFile: '/srv/app/data/auth-secret' });
  });

  it('refuses production mode without C360_AUTH_SECRET, and a short secret, naming the variables', () => {
    expect(() => loadConfig({ C360_ENV: 'production' })).toThrow(/C360_AUTH_SECRET is required when C360_ENV=production/);
    expect(() => loadConfig({ C360_AUTH_SECRET: 'short' })).toThrow(/C360_AUTH_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ C360_ENV: 'staging' })).toThrow(/C360_ENV="staging" must be one of: development, production/);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ C360_ENV: 'production', C360_AUTH_SECRET: secret }).auth).toMatchObject({ mode: 'production', secret });
  });
});
