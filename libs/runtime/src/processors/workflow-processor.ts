import {
  EventProcessingError,
  reactionContext,
  reactionRefusal,
  type AnyWorkflow,
  type CommandContext,
  type DocumentStore,
  type EventEnvelope,
  type EventProcessor,
  type WorkflowStep,
} from '@c360/kernel';

/** Sends one decided command (through the CommandBus, in the runtime). */
export type SendCommand = (command: unknown, context: CommandContext) => Promise<unknown>;

interface WorkflowStateDocument {
  readonly state: unknown;
}

/**
 * Runs a pure workflow on the durable subscription: per event it loads the instance's state (stateful
 * workflows only), asks `decide` for the commands, sends each with an id derived from the workflow's
 * name, the event and the step (a replay repeats nothing), then stores the evolved state guarded by
 * the event's position. State is saved after the commands are sent: a crash before it replays the
 * same decision (same ids, deduplicated); an event at or below the saved position is not decided again. A rule refusing a command is reported and the workflow moves on; contention and
 * store faults are retried; anything else stops the processor on that event (kernel policy).
 */
export class WorkflowProcessor implements EventProcessor {
  readonly filter: { eventTypes: readonly string[] };
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
    for (const event of events) {
      const instance = this.call(event, () => this.workflow.instanceOf?.(event));
      const stored = instance === undefined ? undefined : await this.loadState(instance);
      // Folded before a crash that came after the state was saved (and so after its commands were sent).
      if (stored && stored.position >= event.position) continue;
      const state = stored ? stored.state : this.workflow.initialState;
      const steps = this.call(event, () => this.workflow.decide(event, state) as readonly WorkflowStep<unknown>[]);
      for (const step of steps) {
        try {
          await this.send(step.command, reactionContext(this.workflow.name, event, step.step));
        } catch (error) {
          this.log(reactionRefusal(error, event, this.name, step.step));
        }
      }
      if (instance !== undefined && this.workflow.evolve) {
        const next = this.call(event, () => this.workflow.evolve?.(state, event));
        await this.documents.write([
          { kind: 'replace', collection: this.stateCollection, id: instance, doc: { state: next }, position: event.position },
        ]);
      }
    }
  }

  private async loadState(instance: string): Promise<{ state: unknown; position: number } | undefined> {
    const [stored] = await this.documents.getMany<WorkflowStateDocument>(this.stateCollection, [instance]);
    return stored && { state: stored.state, position: stored._position };
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
