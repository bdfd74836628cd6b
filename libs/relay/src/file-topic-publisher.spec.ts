import type { IntegrationEvent } from '@c360/integration-events';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTopicPublisher } from './file-topic-publisher';

const record = (orderId: string): IntegrationEvent => ({
  eventId: randomUUID(),
  type: 'sales.purchase-recorded',
  schemaVersion: 1,
  topic: 'c360.sales.v1',
  key: 'c-1',
  occurredAt: '2026-04-01T09:00:00.000Z',
  correlationId: 'corr',
  data: { orderId, note: 'x'.repeat(200) },
});

describe('topic files hold whole records only', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-topics-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const records = (publisher: FileTopicPublisher) =>
    readFileSync(publisher.pathOf('c360.sales.v1'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { value: IntegrationEvent }).value.data.orderId);

  it('cuts a batch back when the disk fills in the middle of it (a short write, then ENOSPC), so the retry starts on a line', async () => {
    const publisher = new FileTopicPublisher(dir);
    await publisher.publish([record('o-1')]);
    // What a full disk does: the first write takes part of the bytes, the next one fails.
    const probe = await open(join(dir, 'probe'), 'w');
    const handle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = handle.write;
    jest
      .spyOn(handle, 'write')
      .mockImplementationOnce(function (this: unknown, buffer: unknown, offset: unknown, length: unknown) {
        return write.call(this, buffer, offset, Math.floor(Number(length) / 2));
      })
      .mockImplementationOnce(() => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })));
    const batch = [record('o-2'), record('o-3')];
    await expect(publisher.publish(batch)).rejects.toThrow('ENOSPC');
    expect(records(publisher)).toEqual(['o-1']);
    await publisher.publish(batch);
    expect(records(publisher)).toEqual(['o-1', 'o-2', 'o-3']);
    await publisher.close();
  });

  it('cuts off a torn last line (a crash mid-write) when it opens the file', async () => {
    const first = new FileTopicPublisher(dir);
    await first.publish([record('o-1')]);
    await first.close();
    appendFileSync(first.pathOf('c360.sales.v1'), '{"key":"c-1","headers":{"event-id":"');
    const publisher = new FileTopicPublisher(dir);
    await publisher.publish([record('o-2')]);
    expect(records(publisher)).toEqual(['o-1', 'o-2']);
    await publisher.close();
  });
});
