import type { SurveyChannel, SurveyKind } from '@c360/surveys-domain';

/**
 * One invitation message. It names the customer by their pseudonymous id and the channel, never by an
 * address: the provider behind the notifier resolves the address (contacts' data stays in contacts).
 */
export interface SurveyMessageOut {
  /** The invitation id: a receiver dedupes on it (delivery is at least once). */
  readonly messageId: string;
  readonly invitationId: string;
  readonly customerId: string;
  readonly kind: SurveyKind;
  readonly channel: SurveyChannel;
  readonly language: string;
  readonly subject: string;
  /** The template's words with the answer link in place of `{link}`. */
  readonly body: string;
  readonly link: string;
  readonly expiresAt: string;
  readonly createdAt: string;
}

/** The delivery port: the embedded outbox by default, a signed webhook in production (ADR 0016). */
export interface Notifier {
  readonly kind: string;
  /** Delivers one message; `position` is the invitation event's, for idempotent writes. Throws when it could not. */
  deliver(message: SurveyMessageOut, position: number): Promise<void>;
}

export const NOTIFIER = Symbol('SurveysNotifier');
