import { uuidv7 } from '@c360/kernel';
import type { TestPlatform } from './test-platform';

/**
 * Appends one event as another context's log would hold it (a spec of one context feeds it the
 * contract events it reacts to); returns the event id.
 */
export async function publishEvent(platform: TestPlatform, streamId: string, type: string, data: Record<string, unknown>): Promise<string> {
  const id = uuidv7();
  await platform.stores.eventStore.appendToStream(
    streamId,
    [
      {
        id,
        type,
        schemaVersion: 1,
        occurredAt: platform.clock.now().toISOString(),
        data,
        metadata: { correlationId: id, causationId: id, actor: { id: type.split('.')[0], role: 'system' } },
      },
    ],
    { expectedRevision: 'any' },
  );
  return id;
}

/** Processors cause events that other processors read: waits until the log stops growing. */
export async function settleProcessors(platform: TestPlatform): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const head = await platform.stores.eventStore.headPosition();
    await platform.processors.waitUntilCaughtUp();
    if ((await platform.stores.eventStore.headPosition()) === head) return;
  }
  throw new Error('processors did not settle');
}
