import type { IntegrationEvent } from '@c360/integration-events';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { messageHeaders, type TopicPublisher } from './topic-publisher.port';

/**
 * The embedded default's topics: one append-only JSON-lines file per topic under `<dataDir>/topics`,
 * each line `{ key, headers, value }` like a Kafka record. A batch is written and fsynced before
 * `publish` resolves. Every file holds whole lines only: a write cut short (a full disk answers with a
 * short write, then ENOSPC) is cut back to where the batch began before the error goes to the relay's
 * retry, and a torn last line left by a crash is cut off when the file is opened. Before this, a full
 * disk left half a record that the retried batch was appended to: one line no consumer could parse
 * (found by the reliability suite's disk-full case).
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
    for (const [topic, lines] of byTopic) await this.append(await this.file(topic), Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  }

  /** Appends whole lines or nothing: on any failure the file is cut back to its size before the batch. */
  private async append(file: FileHandle, bytes: Buffer): Promise<void> {
    const { size } = await file.stat();
    try {
      for (let offset = 0; offset < bytes.length;) offset += (await file.write(bytes, offset, bytes.length - offset)).bytesWritten;
      await file.datasync();
    } catch (error) {
      await file.truncate(size).catch(() => undefined);
      throw error;
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
      file = await open(this.pathOf(topic), 'a+');
      await cutTornTail(file);
      this.files.set(topic, file);
    }
    return file;
  }
}

/** Cuts a last line without its newline (a crash in the middle of a write): the batch is published again. */
async function cutTornTail(file: FileHandle): Promise<void> {
  const { size } = await file.stat();
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await file.read(chunk, 0, end - start, start);
    const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline >= 0) {
      if (start + newline + 1 < size) await file.truncate(start + newline + 1);
      return;
    }
    end = start;
  }
  if (size > 0) await file.truncate(0);
}
