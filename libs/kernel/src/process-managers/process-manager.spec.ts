import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../envelope/event-envelope';
import { DomainError } from '../errors/domain-error';
import { ConcurrencyError, TransientStoreError } from '../errors/store-errors';
import { EventProcessingError } from '../subscriptions/event-processor';
import { reactionContext, stepContext } from './derived-context';
import { ProcessManager } from './process-manager';

const event = (type: string): EventEnvelope => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: 's-1',
  revision: 0,
  position: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: {},
  metadata: { correlationId: 'corr', causationId: 'cause', actor: { id: 'a', role: 'agent' } },
});

class Scripted extends ProcessManager {
  readonly name = 'scripted';
  readonly filter = {};
  readonly reacted: string[] = [];
  readonly logged: string[] = [];
  constructor(private readonly outcome: (type: string) => Error | undefined) {
    super();
  }
  protected override log(message: string) {
    this.logged.push(message);
  }
  protected async react(e: EventEnvelope) {
    const error = this.outcome(e.type);
    if (error) throw error;
    this.reacted.push(e.type);
  }
}

describe('ProcessManager', () => {
  it("reports a rule's refusal and goes on with the batch", async () => {
    const manager = new Scripted((type) => (type === 'capped' ? new DomainError('x.cap', 'cap reached', 'conflict') : undefined));
    await manager.handle([event('a'), event('capped'), event('b')]);
    expect(manager.reacted).toEqual(['a', 'b']);
    expect(manager.logged[0]).toMatch(/capped .* refused by a rule: x.cap/);
  });

  it('turns contention into a transient fault, so the runner retries the batch', async () => {
    const manager = new Scripted(() => new ConcurrencyError('s-1', 3, 'busy'));
    await expect(manager.handle([event('a')])).rejects.toBeInstanceOf(TransientStoreError);
  });

  it('stops on anything else, naming the event', async () => {
    const manager = new Scripted(() => new TypeError('customerId missing'));
    await expect(manager.handle([event('a')])).rejects.toBeInstanceOf(EventProcessingError);
  });

  it('derives command contexts that replays repeat exactly', () => {
    const e = event('a');
    const context = reactionContext('scripted', e);
    expect(context).toEqual(reactionContext('scripted', e));
    expect(context).toMatchObject({ causationId: e.id, correlationId: 'corr', actor: { id: 'scripted', role: 'system' } });
    expect(reactionContext('scripted', e, 'second').commandId).not.toBe(context.commandId);
    const step = stepContext(context, 'debit');
    expect(step.commandId).toBe(stepContext(context, 'debit').commandId);
    expect(step.causationId).toBe(context.commandId);
  });
});
