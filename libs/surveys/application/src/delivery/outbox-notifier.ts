import type { DocumentStore } from '@c360/kernel';
import { SURVEYS_COLLECTIONS } from '@c360/surveys-projections';
import type { Notifier, SurveyMessageOut } from './notifier.port';

/**
 * The embedded default: messages are written to the `surveys-outbox` collection, one per invitation
 * (a redelivered event overwrites nothing: the write is guarded by the event's position), and listed
 * through `GET /surveys/outbox`.
 */
export class OutboxNotifier implements Notifier {
  readonly kind = 'outbox';

  constructor(private readonly documents: DocumentStore) {}

  async deliver(message: SurveyMessageOut, position: number): Promise<void> {
    await this.documents.write([
      { kind: 'replace', collection: SURVEYS_COLLECTIONS.outbox, id: message.messageId, doc: { ...message }, position },
    ]);
  }
}
