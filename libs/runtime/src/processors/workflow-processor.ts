import {
  EventProcessingError,
  reactionContext,
  reactionRefusal,
  type AnyWorkflow,
  type CommandContext,
  type DocumentStore,
  type DocumentWrite,
  type EventEnvelope,
  type EventProcessor,
  type WorkflowStep,
  runInLanes,
} from '@c360/kernel';

/** Sends one decided command (through the CommandBus, in the runtime). */
export type SendCommand = (command: unknown, context: CommandContext) => Promise<unknown>;

interface WorkflowStateDocument {
  readonly state: unknown;
}

/**
 * Runs a pure workflow on the durable subscription. Per event it loads the instance's state (stateful
 * workflows only), asks `decide` for the commands and sends them in step order with ids derived from
 * the workflow's name, the event and the step (a replay repeats nothing); the evolved states of a batch
 * are stored together afterwards, each guarded by its event's position. State is saved after the
 * commands are sent: a crash before it replays the same decision (same ids, deduplicated); an event at
 * or below the saved position is not decided again.
 *
 * Group commit: the events of a batch are handled side by side where the workflow allows it — one lane
 * per instance for a stateful workflow (its state threads through them), the lanes a stateless workflow
 * declares (`laneOf`), else one lane in event order — so their commands reach the event store together
 * and share a commit (issue 11: one command at a time ran the reaction at 43/s). Lanes start in event
 * order, so commands for one stream queue in event order in the CommandHandler.
 *
 * Policy (kernel): a rule refusing a command is reported and the workflow moves on; contention and store
 * faults are retried (the whole batch: the derived ids make the repeat a no-op); anything else stops
 * the processor on the earliest event that failed.
 */
export class WorkflowProcessor implements EventProcessor {
  readonly filter: { eventTypes: readonly string[] };
  // Its time goes into awaiting the commands it sends, side by side: every slice at once (EventProcessor.chunking).
  readonly chunking = 'whole-slice' as const;
  private readonly stateCollection: string;

  constructor(
    private readonly workflow: AnyWorkflow,
    /** The checkpoint name (`<context>:workflow:<name>`). */
    readonly name: string,
    private readonly send: SendCommand,
    private readonly documents: DocumentStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.filter = { eventTypes: workflow.handles };
    this.stateCollection = `workflow-state_${name.replace(/:/g, '_')}`;
  }

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const instances = events.map((event) => this.call(event, () => this.workflow.instanceOf?.(event) as string | undefined));
    const stateful = Boolean(this.workflow.evolve);
    const states = new Map<string, { state: unknown; position: number }>();
    const outcomes = await runInLanes(
      events,
      // In event order unless the workflow declares lanes; a stateful instance is one lane either way.
      (event, index) =>
        instances[index] !== undefined ? `instance:${instances[index]}` : (this.workflow.laneOf?.(event) ?? 'in-event-order'),
      async (event, index) => {
        const instance = instances[index];
        const current = instance === undefined ? { state: this.workflow.initialState, position: -1 } : await this.stateOf(instance, states);
        // Folded before a crash that came after the state was saved (and so after its commands were sent).
        if (current.position >= event.position) return;
        const state = current.state;
        const steps = this.call(event, () => this.workflow.decide(event, state) as readonly WorkflowStep<unknown>[]);
        for (const step of steps) await this.sendStep(event, step);
        if (instance !== undefined && stateful) {
          states.set(instance, { state: this.call(event, () => this.workflow.evolve?.(state, event)), position: event.position });
        }
      },
    );
    const failed = outcomes.find((outcome) => !outcome.ok && outcome.ran);
    if (failed && !failed.ok) throw failed.error; // the earliest failure: outcomes are in event order
    const writes: DocumentWrite[] = [...states].map(([instance, { state, position }]) => ({
      kind: 'replace',
      collection: this.stateCollection,
      id: instance,
      doc: { state },
      position,
    }));
    if (writes.length) await this.documents.write(writes);
  }

  private async sendStep(event: EventEnvelope, step: WorkflowStep<unknown>): Promise<void> {
    try {
      await this.send(step.command, reactionContext(this.workflow.name, event, step.step));
    } catch (error) {
      this.log(reactionRefusal(error, event, this.name, step.step));
    }
  }

  /** The instance's state as this batch left it, or as stored, with the position it reflects. */
  private async stateOf(
    instance: string,
    states: Map<string, { state: unknown; position: number }>,
  ): Promise<{ state: unknown; position: number }> {
    const inBatch = states.get(instance);
    if (inBatch) return inBatch;
    const [stored] = await this.documents.getMany<WorkflowStateDocument>(this.stateCollection, [instance]);
    return stored ? { state: stored.state, position: stored._position } : { state: this.workflow.initialState, position: -1 };
  }

  /** A pure part that throws is a bug or a broken contract: stop on that event, naming it. */
  private call<T>(event: EventEnvelope, part: () => T): T {
    try {
      return part();
    } catch (error) {
      throw new EventProcessingError(event, this.name, error);
    }
  }
}
