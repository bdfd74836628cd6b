import type { DomainEvent, EventEnvelope } from '../envelope/event-envelope';
import type { EnvelopeOf } from '../projections/document-projection';
import type { Workflow, WorkflowStep } from '../workflows/workflow';

/** A domain event with the envelope fields a spec cares about (the rest get plain defaults). */
export type SpecEvent<TInput extends DomainEvent> = TInput & Partial<Omit<EventEnvelope, 'type' | 'data'>>;

let position = 0;

function envelopeOf<TInput extends DomainEvent>(event: SpecEvent<TInput>): EnvelopeOf<TInput> {
  position += 1;
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    schemaVersion: 1,
    streamId: 'spec-stream',
    revision: 0,
    position,
    occurredAt: '2026-01-01T00:00:00.000Z',
    metadata: { correlationId: 'spec', causationId: 'spec', actor: { id: 'spec', role: 'system' } },
    ...event,
  } as unknown as EnvelopeOf<TInput>;
}

/**
 * Given / when / then for workflows, without I/O or HTTP:
 *
 *   workflowSpec(dealWonPurchases).given([]).when(dealWon).then([{ step: 'record-purchase', command }]);
 */
export function workflowSpec<TInput extends DomainEvent, TCommand, TState>(workflow: Workflow<TInput, TCommand, TState>) {
  const fold = (events: readonly SpecEvent<TInput>[]): TState =>
    events.reduce((state, event) => (workflow.evolve ? workflow.evolve(state, envelopeOf(event)) : state), workflow.initialState);
  return {
    given(events: readonly SpecEvent<TInput>[]) {
      return {
        when(event: SpecEvent<TInput>) {
          const run = () => workflow.decide(envelopeOf(event), fold(events));
          return {
            then(expected: readonly WorkflowStep<TCommand>[]): void {
              expect(run()).toEqual(expected);
            },
            thenSteps(assert: (steps: readonly WorkflowStep<TCommand>[]) => void): void {
              assert(run());
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
          };
        },
        state(): TState {
          return fold(events);
        },
      };
    },
  };
}
