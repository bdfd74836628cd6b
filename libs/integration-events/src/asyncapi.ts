import type { AnyIntegrationContract } from './contracts';
import { jsonSchemaOf } from './field-schema';
import { TOPIC_SETTINGS } from './integration-event';

/** An AsyncAPI 3.0 document of the analytics topics, generated from the contracts (docs/asyncapi.json). */
export function renderAsyncApi(contracts: readonly AnyIntegrationContract[]): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const contract of contracts) {
    messages[contract.type] = {
      name: contract.type,
      title: `${contract.type} v${contract.schemaVersion}`,
      summary: contract.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'event-id': { type: 'string', format: 'uuid' },
          'event-type': { type: 'string', const: contract.type },
          'schema-version': { type: 'string', const: String(contract.schemaVersion) },
          'correlation-id': { type: 'string' },
          'occurred-at': { type: 'string', format: 'date-time' },
        },
      },
      payload: {
        type: 'object',
        required: ['eventId', 'type', 'schemaVersion', 'topic', 'key', 'occurredAt', 'correlationId', 'data'],
        properties: {
          eventId: { type: 'string', format: 'uuid' },
          type: { type: 'string', const: contract.type },
          schemaVersion: { type: 'integer', const: contract.schemaVersion },
          topic: { type: 'string', const: contract.topic },
          key: { type: 'string', description: 'customer id (the Kafka message key)' },
          occurredAt: { type: 'string', format: 'date-time' },
          correlationId: { type: 'string' },
          data: jsonSchemaOf(contract.type, contract.fields),
        },
      },
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const [topic, settings] of Object.entries(TOPIC_SETTINGS)) {
    const types = contracts.filter((contract) => contract.topic === topic).map((contract) => contract.type);
    channels[topic] = {
      address: topic,
      description: `Partitions: ${settings.partitions}; retention: ${Math.round(settings.retentionMs / 86_400_000)} days; key: customer id.`,
      messages: Object.fromEntries(types.map((type) => [type, { $ref: `#/components/messages/${type}` }])),
    };
    operations[`publish-${topic}`] = { action: 'send', channel: { $ref: `#/channels/${topic}` } };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Customer 360 analytics topics',
      version: '1.0.0',
      description: 'Integration events published by the relay, at least once (dedupe by eventId), without personal data.',
    },
    channels,
    operations,
    components: { messages },
  };
}
