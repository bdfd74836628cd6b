import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@c360/runtime';
import { parse } from 'yaml';

/**
 * infra/docker-compose.yml cannot be run here (no Docker), so it is checked as data: every app of the
 * repository has a service built from the Dockerfile, each service's command is an app entry that exists,
 * every variable it sets is documented in docs/configuration.md, the platform accepts the configuration
 * (the same `loadConfig` every app runs at start-up), and the servers it points at are services too.
 */
const ROOT = resolve(__dirname, '../../..');

interface Service {
  readonly build?: { context: string; dockerfile: string };
  readonly image?: string;
  readonly command?: string[];
  readonly environment?: Record<string, string>;
  readonly depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(ROOT, 'infra/docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const apps = Object.entries(compose.services).filter(([, service]) => service.build);
const documented = new Set(
  [...readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8').matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]),
);
/** `${NAME:?message}` is compose's "required from the shell"; a valid stand-in takes its place here. */
const interpolated = (value: string) =>
  String(value).replace(/\$\{C360_AUTH_SECRET:\?[^}]*\}/, 'a-secret-of-at-least-thirty-two-characters');

describe('infra/docker-compose.yml: the distributed platform as containers', () => {
  it('runs every app of the repository (each `npm start` / `npm run start:<app>` entry) from the one Dockerfile', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const entries = Object.entries(scripts)
      .filter(([name]) => name === 'start' || name.startsWith('start:'))
      .map(([, command]) => /scripts\/run-ts\.js (\S+)/.exec(command)?.[1]);
    const commands = new Set(apps.map(([, service]) => service.command?.[0]));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) expect(commands).toContain(entry);
    for (const [name, service] of apps) {
      expect({ name, dockerfile: service.build?.dockerfile, context: service.build?.context }).toEqual({
        name,
        dockerfile: 'Dockerfile',
        context: '..',
      });
      expect({ name, exists: existsSync(join(ROOT, service.command?.[0] ?? 'missing')) }).toEqual({ name, exists: true });
    }
  });

  it('sets only documented variables, in a configuration the platform accepts', () => {
    for (const [name, service] of apps) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolated(value)]));
      expect({ name, undocumented: Object.keys(env).filter((key) => !documented.has(key)) }).toEqual({ name, undocumented: [] });
      expect(() => loadConfig(env, ROOT)).not.toThrow();
    }
  });

  it('runs the processors twice under leases, with distinct instance ids, and every API without processors', () => {
    const roles: Array<Record<string, string | undefined>> = apps.map(([name, service]) => ({ name, ...service.environment }));
    const processors = roles.filter((env) => env.C360_ROLE === 'processors');
    expect(processors).toHaveLength(2);
    expect(processors.every((env) => env.C360_PROCESSOR_LEASES === 'on')).toBe(true);
    const ids = roles.filter((env) => env.C360_PROCESSOR_LEASES === 'on').map((env) => env.C360_INSTANCE_ID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of ['contacts', 'sales', 'tickets', 'loyalty', 'customer360']) {
      expect(roles.find((env) => env.name === name)?.C360_ROLE).toBe('api');
    }
  });

  it('points every app at the EventStoreDB, MongoDB and Kafka services beside them, and waits for them', () => {
    for (const server of ['eventstoredb', 'mongodb', 'kafka']) expect(compose.services[server]?.image).toEqual(expect.any(String));
    for (const [name, service] of apps) {
      const env = service.environment ?? {};
      expect({ name, es: env.EVENTSTORE_URL, mongo: env.MONGO_URL, kafka: env.KAFKA_BROKERS }).toEqual({
        name,
        es: expect.stringMatching(/^esdb:\/\/eventstoredb:2113/),
        mongo: 'mongodb://mongodb:27017',
        kafka: 'kafka:29092',
      });
      expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['eventstoredb', 'kafka', 'mongodb']);
    }
  });
});
