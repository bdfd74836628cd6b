import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicRecord {
  readonly key: string | undefined;
  readonly eventId: string;
  readonly type: string;
}

/**
 * Reads `topic` from the beginning with a fresh consumer group until `done` accepts what was read, or
 * `timeoutMs` passes (then it rejects with what it saw). The values are the relay's integration events.
 */
export async function readTopicUntil(
  brokers: string,
  topic: string,
  done: (records: readonly TopicRecord[]) => boolean,
  timeoutMs: number,
): Promise<TopicRecord[]> {
  const kafka = new Kafka({ clientId: 'c360-distributed-smoke', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `distributed-smoke-${randomUUID()}` });
  const records: TopicRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${topic}: not there within ${timeoutMs} ms; read ${JSON.stringify(records).slice(0, 2000)}`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const value = JSON.parse(message.value?.toString('utf8') ?? '{}') as { eventId: string; type: string };
            records.push({ key: message.key?.toString('utf8'), eventId: value.eventId, type: value.type });
            if (done(records)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
