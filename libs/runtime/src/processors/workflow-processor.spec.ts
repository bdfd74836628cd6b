import {
  DomainError,
  EventProcessingError,
  TransientStoreError,
  ConcurrencyError,
  type CommandContext,
  type EventEnvelope,
  type Workflow,
} from '@c360/kernel';
import { SqliteDocumentStore } from '@c360/store-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowProcessor } from './workflow-processor';

type Visit = { readonly type: 'shop.visited'; readonly data: { readonly customerId: string } };

/** Every third visit of a customer earns a coupon: state per customer, one command per third visit. */
const thirdVisitCoupons: Workflow<Visit, { coupon: string }, number> = {
  name: 'shop-third-visit',
  handles: ['shop.visited'],
  initialState: 0,
  instanceOf: (event) => event.data.customerId,
  decide: (event, visits) =>
    (visits + 1) % 3 === 0 ? [{ step: 'coupon', command: { coupon: `${event.data.customerId}/${visits + 1}` } }] : [],
  evolve: (visits) => visits + 1,
};

let position = 0;
const visit = (customerId: string): EventEnvelope => ({
  id: `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`,
  type: 'shop.visited',
  schemaVersion: 1,
  streamId: `shop-visit-${position}`,
  revision: 0,
  position,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: { customerId },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'spec', role: 'system' } },
});

describe('WorkflowProcessor', () => {
  let dir: string;
  let documents: SqliteDocumentStore;
  let sent: Array<{ command: unknown; context: CommandContext }>;
  let send: (command: unknown, context: CommandContext) => Promise<unknown>;

  beforeEach(() => {
    position = 0;
    dir = mkdtempSync(join(tmpdir(), 'c360-workflow-'));
    documents = new SqliteDocumentStore({ file: join(dir, 'read-models.db'), durability: 'normal' });
    sent = [];
    send = async (command, context) => {
      sent.push({ command, context });
    };
  });
  afterEach(async () => {
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps state per instance across batches and sends commands with ids derived from the event and step', async () => {
    const processor = new WorkflowProcessor(thirdVisitCoupons, 'shop:workflow:shop-third-visit', send, documents);
    const batch = [visit('ann'), visit('bo'), visit('ann')];
    await processor.handle(batch);
    await processor.handle([visit('ann'), visit('bo')]);
    expect(sent.map((entry) => entry.command)).toEqual([{ coupon: 'ann/3' }]);
    expect(sent[0].context).toMatchObject({ actor: { id: 'shop-third-visit', role: 'system' }, causationId: expect.any(String) });
  });

  it('repeats nothing when a batch is replayed after a crash before the checkpoint', async () => {
    const first = new WorkflowProcessor(thirdVisitCoupons, 'shop:workflow:shop-third-visit', send, documents);
    const batch = [visit('ann'), visit('ann'), visit('ann')];
    await first.handle(batch);
    await first.handle(batch);
    // The state saved with the first run already holds these visits: not counted, not decided again.
    expect(sent.map((entry) => entry.command)).toEqual([{ coupon: 'ann/3' }]);
    await first.handle([visit('ann'), visit('ann'), visit('ann')]);
    expect(sent.map((entry) => entry.command)).toEqual([{ coupon: 'ann/3' }, { coupon: 'ann/6' }]);
  });

  it('reports a rule that refuses a command and goes on; retries contention; stops on anything else', async () => {
    const log: string[] = [];
    const refusing = new WorkflowProcessor(
      thirdVisitCoupons,
      'shop:workflow:shop-third-visit',
      async () => {
        throw new DomainError('shop.coupon-cap', 'cap reached', 'conflict');
      },
      documents,
      (message) => log.push(message),
    );
    await refusing.handle([visit('ann'), visit('ann'), visit('ann')]);
    expect(log).toEqual([expect.stringContaining('refused by a rule: shop.coupon-cap')]);

    const contended = new WorkflowProcessor(
      thirdVisitCoupons,
      'x',
      async () => {
        throw new ConcurrencyError('s', 1, 'busy');
      },
      documents,
    );
    await expect(contended.handle([visit('bo'), visit('bo'), visit('bo')])).rejects.toBeInstanceOf(TransientStoreError);

    const broken = new WorkflowProcessor(
      thirdVisitCoupons,
      'y',
      async () => {
        throw new Error('bug');
      },
      documents,
    );
    await expect(broken.handle([visit('cy'), visit('cy'), visit('cy')])).rejects.toBeInstanceOf(EventProcessingError);
  });
});
