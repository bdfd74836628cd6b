import type { IntegrationEvent } from '@c360/integration-events';
import type { CheckpointStore } from '@c360/kernel';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicSource } from './topic-source';

/**
 * Tails the relay's topic files (`TOPICS=files`). The byte offset of each file is a checkpoint, stored
 * after a batch was handled; only complete lines are read.
 */
export class FileTopicSource implements TopicSource {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly topics: readonly string[],
    private readonly checkpoints: CheckpointStore,
    private readonly pollMs = 500,
  ) {}

  async start(onBatch: (events: readonly IntegrationEvent[]) => Promise<void>): Promise<void> {
    const tick = async () => {
      for (const topic of this.topics) await this.readNew(topic, onBatch);
      if (!this.stopped) this.timer = setTimeout(() => (this.running = tick().catch(() => undefined)), this.pollMs);
    };
    this.running = tick();
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Reads what was appended to one topic file since its checkpoint. */
  async readNew(topic: string, onBatch: (events: readonly IntegrationEvent[]) => Promise<void>): Promise<void> {
    const file = join(this.dir, `${topic}.jsonl`);
    const size = await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    const name = `analytics:file:${topic}`;
    const offset = (await this.checkpoints.get(name)) ?? 0;
    if (size <= offset) return;
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(size - offset);
      await handle.read(buffer, 0, buffer.length, offset);
      const text = buffer.toString('utf8');
      const complete = text.lastIndexOf('\n') + 1;
      if (complete === 0) return;
      const events = text
        .slice(0, complete)
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { value: IntegrationEvent }).value);
      await onBatch(events);
      await this.checkpoints.set(name, offset + Buffer.byteLength(text.slice(0, complete)));
    } finally {
      await handle.close();
    }
  }
}
