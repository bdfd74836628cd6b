import { CommandHandler, EventProcessingError, TransientStoreError, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { surveyTemplateAggregate, templateStream, type InvitationSent } from '@c360/surveys-domain';
import { Inject, Injectable } from '@nestjs/common';
import { SURVEYS_CONFIG, type SurveysConfig } from '../config/surveys-config';
import { InvitationTokens } from '../tokens/invitation-tokens';
import { NOTIFIER, type Notifier, type SurveyMessageOut } from './notifier.port';

/**
 * Delivers every invitation the log records, on the durable subscription (checkpoint
 * `surveys:processor:invitation-delivery`): the message of the template version it was sent with, in
 * the language chosen at send time, with a signed link that expires with the invitation. Sending is
 * a decision in the log; delivery follows it, so a crash between the two loses nothing.
 */
@Injectable()
export class InvitationDeliveryProcessor implements EventProcessor {
  readonly name = 'invitation-delivery';
  readonly filter = { eventTypes: ['surveys.invitation-sent'] };

  constructor(
    private readonly commands: CommandHandler,
    private readonly tokens: InvitationTokens,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    @Inject(SURVEYS_CONFIG) private readonly config: SurveysConfig,
  ) {}

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'surveys.invitation-sent') continue;
      try {
        await this.notifier.deliver(await this.message(event as EventEnvelope & InvitationSent), event.position);
      } catch (error) {
        // A transient failure (the webhook down after its retries) is retried later; anything else stops here, naming the event.
        if (error instanceof TransientStoreError) throw error;
        throw new EventProcessingError(event, this.name, error);
      }
    }
  }

  private async message(event: EventEnvelope & InvitationSent): Promise<SurveyMessageOut> {
    const d = event.data;
    const { state } = await this.commands.load(surveyTemplateAggregate, templateStream(d.templateId));
    const version = state.status === 'active' ? state.versions[d.templateVersion] : undefined;
    if (!version) throw new Error(`Template ${d.templateId} v${d.templateVersion} is missing`);
    const words = version.messages[d.language] ?? version.messages[version.defaultLanguage];
    const token = await this.tokens.sign({ invitationId: d.invitationId, customerId: d.customerId }, d.expiresAt);
    const link = `${this.config.answerUrl}?token=${token}`;
    return {
      messageId: d.invitationId,
      invitationId: d.invitationId,
      customerId: d.customerId,
      kind: d.kind,
      channel: d.channel,
      language: d.language,
      subject: words.subject,
      body: words.body.replaceAll('{link}', link),
      link,
      expiresAt: d.expiresAt,
      createdAt: d.sentAt,
    };
  }
}
