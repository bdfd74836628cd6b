import type { EventEnvelope } from '../envelope/event-envelope';
import { EventProcessingError, wrapProcessor, type EventProcessor } from '../subscriptions/event-processor';
import type { PersonalDataProtector } from './personal-data-protector';

/**
 * Wraps a processor (usually a DocumentProjector) so that it receives events with their personal data
 * decrypted. Projections stay pure folds over plaintext; a projection of an erased customer sees ERASED
 * markers and must drop personal fields on the tombstone event.
 */
export function revealingProcessor(inner: EventProcessor, protector: PersonalDataProtector): EventProcessor {
  return wrapProcessor(inner, async function handle(events: readonly EventEnvelope[], lastPosition: number, fence?: number): Promise<void> {
    const revealed: EventEnvelope[] = [];
    for (const event of events) {
      try {
        revealed.push(...(await protector.reveal([event])));
      } catch (error) {
        throw new EventProcessingError(event, inner.name, error);
      }
    }
    await inner.handle(revealed, lastPosition, fence);
  });
}
