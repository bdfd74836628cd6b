import type { IntegrationEvent } from '@c360/integration-events';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { messageHeaders, type TopicPublisher } from './topic-publisher.port';

/**
 * The embedded default's topics: one append-only JSON-lines file per topic under `<dataDir>/topics`,
 * each line `{ key, headers, value }` like a Kafka record. A batch is written and fsynced before
 * `publish` resolves.
 */
export class FileTopicPublisher implements TopicPublisher {
  private readonly files = new Map<string, FileHandle>();

  constructor(private readonly dir: string) {}

  async ensureTopics(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  async publish(events: readonly IntegrationEvent[]): Promise<void> {
    const byTopic = new Map<string, string[]>();
    for (const event of events) {
      const line = JSON.stringify({ key: event.key, headers: messageHeaders(event), value: event });
      const lines = byTopic.get(event.topic);
      if (lines) lines.push(line);
      else byTopic.set(event.topic, [line]);
    }
    for (const [topic, lines] of byTopic) {
      const file = await this.file(topic);
      await file.write(`${lines.join('\n')}\n`);
      await file.datasync();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => file.close()));
    this.files.clear();
  }

  /** The path of a topic's file (analytics consumers read it). */
  pathOf(topic: string): string {
    return join(this.dir, `${topic}.jsonl`);
  }

  private async file(topic: string): Promise<FileHandle> {
    let file = this.files.get(topic);
    if (!file) {
      await this.ensureTopics();
      file = await open(this.pathOf(topic), 'a');
      this.files.set(topic, file);
    }
    return file;
  }
}
