import {
  DomainError,
  EventProcessingError,
  TransientStoreError,
  type AnyWorkflow,
  type CommandContext,
  type DocumentStore,
  type EventEnvelope,
} from '@c360/kernel';
import { WorkflowProcessor } from './workflow-processor';

const envelope = (position: number, data: Record<string, unknown>): EventEnvelope => ({
  id: `e-${position}`,
  type: 't.happened',
  schemaVersion: 1,
  streamId: `t-${position}`,
  revision: 0,
  position,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' } },
});

/** Two steps per event: `first` then `second`, each a command naming the event. */
const twoSteps: AnyWorkflow = {
  name: 'two-steps',
  handles: ['t.happened'],
  initialState: undefined,
  // Concurrency is opt-in: each event its own lane.
  laneOf: (event: EventEnvelope) => event.id,
  decide: (event: EventEnvelope) => [
    { step: 'first', command: { event: event.position, step: 'first' } },
    { step: 'second', command: { event: event.position, step: 'second' } },
  ],
};

const noDocuments = { write: async () => ({ applied: 0, skipped: 0 }), getMany: async () => [] } as unknown as DocumentStore;

/** Answers commands only when the test releases them: shows what is in flight at once. */
class GatedSender {
  readonly started: string[] = [];
  readonly contexts: CommandContext[] = [];
  private readonly gates: Array<() => void> = [];
  failWith?: (command: { event: number; step: string }) => Error | undefined;
  send = (command: unknown, context: CommandContext) => {
    const { event, step } = command as { event: number; step: string };
    this.started.push(`${event}/${step}`);
    this.contexts.push(context);
    return new Promise<void>((resolve, reject) =>
      this.gates.push(() => {
        const error = this.failWith?.({ event, step });
        if (error) reject(error);
        else resolve();
      }),
    );
  };
  /** Opens every gate, and those of commands sent meanwhile, until no command waits. */
  async releaseAll() {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.gates.length) {
      this.gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe('WorkflowProcessor (group commit)', () => {
  it("sends the first commands of a whole batch together, each event's steps in order", async () => {
    const sender = new GatedSender();
    const processor = new WorkflowProcessor(twoSteps, 'test:workflow:two-steps', sender.send, noDocuments);
    const handled = processor.handle([envelope(1, {}), envelope(2, {}), envelope(3, {})]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sender.started).toEqual(['1/first', '2/first', '3/first']); // in flight together, in event order
    await sender.releaseAll();
    await handled;
    expect(sender.started.slice(3).sort()).toEqual(['1/second', '2/second', '3/second']);
    // Derived ids are what they were when commands went one by one: workflow name, event id, step.
    expect(new Set(sender.contexts.map((context) => context.commandId)).size).toBe(6);
  });

  it('stops on the earliest event that failed, after the others were sent, and reports refusals', async () => {
    const sender = new GatedSender();
    const refusals: string[] = [];
    sender.failWith = ({ event, step }) =>
      event === 3
        ? new Error('broken contract')
        : event === 1 && step === 'first'
          ? new DomainError('cap', 'cap reached', 'conflict')
          : undefined;
    const processor = new WorkflowProcessor(twoSteps, 'test:workflow:two-steps', sender.send, noDocuments, (message) =>
      refusals.push(message),
    );
    const handled = processor.handle([envelope(1, {}), envelope(2, {}), envelope(3, {})]);
    const outcome = handled.catch((error: unknown) => error);
    await sender.releaseAll();
    const error = await outcome;
    expect(error).toBeInstanceOf(EventProcessingError);
    expect((error as EventProcessingError).event.position).toBe(3);
    expect(refusals.join()).toMatch(/refused by a rule: cap/);
  });

  it('retries the whole batch on a transient fault (the derived ids make the repeat a no-op)', async () => {
    const sender = new GatedSender();
    sender.failWith = ({ event }) => (event === 2 ? new TransientStoreError('busy') : undefined);
    const processor = new WorkflowProcessor(twoSteps, 'test:workflow:two-steps', sender.send, noDocuments);
    const outcome = processor.handle([envelope(1, {}), envelope(2, {})]).catch((error: unknown) => error);
    await sender.releaseAll();
    expect(await outcome).toBeInstanceOf(TransientStoreError);
  });

  it("threads a stateful workflow's state through its instance's events and stores each state once", async () => {
    const counted: AnyWorkflow = {
      name: 'counted',
      handles: ['t.happened'],
      initialState: 0,
      instanceOf: (event: EventEnvelope) => (event.data as { key: string }).key,
      decide: (event: EventEnvelope, state: number) => [{ command: { event: event.position, step: `seen-${state}` } }],
      evolve: (state: number) => state + 1,
    };
    const sender = new GatedSender();
    const writes: unknown[] = [];
    const documents = {
      write: async (batch: unknown[]) => (writes.push(...batch), { applied: 0, skipped: 0 }),
      getMany: async () => [],
    } as unknown as DocumentStore;
    const processor = new WorkflowProcessor(counted, 'test:workflow:counted', sender.send, documents);
    const handled = processor.handle([envelope(1, { key: 'a' }), envelope(2, { key: 'b' }), envelope(3, { key: 'a' })]);
    await sender.releaseAll();
    await handled;
    expect(sender.started).toEqual(['1/seen-0', '2/seen-0', '3/seen-1']);
    expect(writes).toEqual([
      expect.objectContaining({ id: 'a', doc: { state: 2 }, position: 3 }),
      expect.objectContaining({ id: 'b', doc: { state: 1 }, position: 2 }),
    ]);
  });
});
