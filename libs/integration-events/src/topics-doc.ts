import type { AnyIntegrationContract } from './contracts';
import { jsonSchemaOf } from './field-schema';
import { TOPIC_SETTINGS } from './integration-event';

/** Renders docs/topics.md from the contracts, so the published documentation cannot drift from the code. */
export function renderTopicsDoc(contracts: readonly AnyIntegrationContract[]): string {
  const out: string[] = [
    '# Analytics topics',
    '',
    '<!-- Generated from the contracts every context publishes (renderTopicsDoc, scripts/write-topics-doc.ts); a spec fails when this file is stale. AsyncAPI: docs/asyncapi.json. -->',
    '',
    'The relay (`libs/relay`, part of `npm start` and `apps/relay`) reads the event log from its checkpoint and',
    'publishes **integration events** — public, versioned contracts, separate from domain events — one topic per',
    'context. `TOPICS=kafka` publishes to Kafka (`KAFKA_BROKERS`); `TOPICS=files` (the embedded default) appends',
    'the same records as JSON lines to `$C360_DATA_DIR/topics/<topic>.jsonl`; `TOPICS=off` publishes nothing.',
    '',
    '## Delivery',
    '',
    "- **Key** = the customer id (pseudonymous UUID): each customer's events keep their order within a partition.",
    '- **Headers**: `event-id`, `event-type`, `schema-version`, `correlation-id`, `occurred-at`.',
    '- **Value**: the integration event as JSON: `{ eventId, type, schemaVersion, topic, key, occurredAt, correlationId, data }`.',
    "- **At least once**: the relay's checkpoint moves only after the broker acknowledged (idempotent producer, acks=all,",
    '  one request in flight) or the file was fsynced. After a crash a batch may be published again: dedupe by `eventId`',
    '  (`DedupeWindow` in `@c360/relay` keeps a bounded window of recent ids).',
    '- **No personal data**: only whitelisted, typed fields are copied (ids, codes, amounts in minor units, instants).',
    '  Erasure never has to chase copies on a topic.',
    '',
    '## Topics',
    '',
    '| topic | partitions | retention | events |',
    '|---|---|---|---|',
  ];
  for (const [topic, settings] of Object.entries(TOPIC_SETTINGS)) {
    const events = contracts.filter((contract) => contract.topic === topic).map((contract) => `\`${contract.type}\``);
    out.push(
      `| \`${topic}\` | ${settings.partitions} | ${Math.round(settings.retentionMs / 86_400_000)} days | ${events.join(', ') || '— (no context publishes here yet)'} |`,
    );
  }
  out.push('', '## Events', '');
  for (const contract of contracts) {
    out.push(
      `### \`${contract.type}\` v${contract.schemaVersion}`,
      '',
      `Topic \`${contract.topic}\`, from domain event \`${contract.from}\`. ${contract.description}`,
      '',
      '```json',
      JSON.stringify(jsonSchemaOf(contract.type, contract.fields), null, 2),
      '```',
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
