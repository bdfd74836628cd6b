import { reactionContext, type EventEnvelope } from '@c360/kernel';
import { workflowSpec } from '@c360/kernel/testing';
import { EraseCustomer } from './erasure.commands';
import { erasureCompletion } from './erasure-completion.workflow';

const ANN = '0190a000-0000-7000-8000-000000000001';
const BO = '0190a000-0000-7000-8000-000000000002';

describe('erasure completion workflow', () => {
  it('re-sends the erasure of a customer whose tombstone is in the log', () => {
    workflowSpec(erasureCompletion)
      .given([])
      .when({
        type: 'contacts.customer-erased',
        data: { customerId: ANN, erasedAt: '2026-03-02T10:00:00.000Z', releasedIdentities: ['email:x'] },
      })
      .then([{ command: new EraseCustomer(ANN) }]);
  });

  it('erases a customer erased through its survivor through the same survivor', () => {
    workflowSpec(erasureCompletion)
      .given([])
      .when({
        type: 'contacts.customer-erased',
        data: { customerId: BO, erasedAt: '2026-03-02T10:00:00.000Z', releasedIdentities: [], viaSurvivorId: ANN },
      })
      .thenSteps((steps) => {
        expect(steps).toHaveLength(1);
        expect(steps[0].step).toBeUndefined();
        expect(steps[0].command).toBeInstanceOf(EraseCustomer);
        expect(steps[0].command).toMatchObject({ customerId: BO, viaSurvivorId: ANN });
      });
  });

  it('derives its command id from the event alone, as the first-wave processor did', () => {
    const event = { id: '00000000-0000-4000-8000-0000000000e1', metadata: { correlationId: 'c' } } as EventEnvelope;
    const [step] = erasureCompletion.decide(
      { ...event, type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: 'T', releasedIdentities: [] } } as Parameters<
        typeof erasureCompletion.decide
      >[0],
      undefined,
    );
    expect(reactionContext(erasureCompletion.name, event, step.step)).toEqual(
      reactionContext('process:contacts-erasure-completion', event),
    );
  });
});
