import {
  CommandHandler,
  CustomerAliases,
  projectionCheckpointName,
  useCaseResult,
  uuidv7,
  type Clock,
  type CommandContext,
  type DocumentStore,
  type EventStore,
  type UseCaseResult,
} from '@c360/kernel';
import { CLOCK, CustomerDirectory, DOCUMENT_STORE, EVENT_STORE, PLATFORM_CONFIG, ProcessorHost, type PlatformConfig } from '@c360/runtime';
import {
  SURVEYS_COLLECTIONS,
  consentValidAt,
  respondentsProjection,
  surveysCustomerAliasesProjection,
  type InvitationDocument,
  type RespondentDocument,
} from '@c360/surveys-projections';
import {
  SurveysErrors,
  messageLanguage,
  respondentAggregate,
  respondentStream,
  type InvitationSubject,
  type QuestionResponse,
  type RespondentCommand,
  type RespondentState,
  type SurveyChannel,
  type SurveyPurpose,
} from '@c360/surveys-domain';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { SURVEYS_CONFIG, type SurveysConfig } from '../config/surveys-config';
import { SurveyTemplateService } from '../templates/template.service';
import { InvitationTokens } from '../tokens/invitation-tokens';

const DAY = 86_400_000;

export interface SendInvitationInput {
  readonly invitationId: string;
  readonly customerId: string;
  readonly templateId: string;
  readonly channel: SurveyChannel;
  readonly purpose: SurveyPurpose;
  readonly subject?: InvitationSubject;
  /** A campaign's own survey fatigue, over the template's. */
  readonly recontactDays?: number;
}

export type RespondentResult = UseCaseResult<RespondentState> & { readonly customerId: string; readonly invitationId: string };

type Body = RespondentCommand extends infer C ? (C extends unknown ? Omit<C, 'now'> : never) : never;

/**
 * Sending and answering, on the customer's respondent stream (`surveys-respondent-<customerId>`):
 * consent and survey fatigue are checked by the decider with the facts read here at send time; the
 * answer is found through its signed token only.
 */
@Injectable()
export class RespondentService {
  private readonly aliases: CustomerAliases;

  constructor(
    private readonly commands: CommandHandler,
    private readonly templates: SurveyTemplateService,
    private readonly customers: CustomerDirectory,
    private readonly tokens: InvitationTokens,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SURVEYS_CONFIG) private readonly config: SurveysConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly processors: ProcessorHost,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {
    this.aliases = new CustomerAliases(documents, surveysCustomerAliasesProjection);
  }

  async send(input: SendInvitationInput, context: CommandContext): Promise<RespondentResult> {
    // 404 for an unknown customer, 409 customer-erased for an erased one (ADR 0013).
    await this.customers.require(input.customerId);
    // A merged customer is asked as its survivor; fatigue counts the invitations of every id merged into it.
    const { survivorId: customerId, customerIds } = await this.aliases.resolve(input.customerId);
    if (customerId !== input.customerId) await this.customers.require(customerId);
    const template = await this.templates.require(input.templateId);
    const now = this.now();
    const respondent = await this.respondent(customerId, (doc) => consentValidAt(doc, input.channel, input.purpose, now));
    return this.execute(
      customerId,
      input.invitationId,
      {
        type: 'send-invitation',
        invitationId: input.invitationId,
        customerId,
        template: { templateId: template.templateId, version: template.version, kind: template.kind },
        channel: input.channel,
        purpose: input.purpose,
        language: messageLanguage(template.versions[template.version], respondent?.language),
        consentValid: consentValidAt(respondent, input.channel, input.purpose, now),
        recontactDays: input.recontactDays ?? template.content.recontactDays ?? this.config.recontactDays,
        mergedLastInvitedAt: await this.lastInvitedAt(customerIds.filter((id) => id !== customerId)),
        subject: input.subject ?? {},
        expiresAt: new Date(Date.parse(now) + this.config.invitationTtlDays * DAY).toISOString(),
      },
      context,
    );
  }

  /** What the link shows: the questions in the message's language — nothing about the customer. */
  async survey(token: string) {
    const { invitation } = await this.open(token);
    const template = await this.templates.require(invitation.templateId);
    const version = template.versions[invitation.templateVersion];
    const language = invitation.language;
    return {
      kind: invitation.kind,
      language,
      expiresAt: invitation.expiresAt,
      answered: invitation.answered,
      questions: version.questions.map((question) => ({
        questionId: question.questionId,
        type: question.type,
        prompt: question.prompt[language] ?? question.prompt[version.defaultLanguage],
        required: question.required,
        ...(question.min === undefined ? {} : { min: question.min, max: question.max }),
        ...(question.options ? { options: question.options } : {}),
      })),
    };
  }

  /** One answer per invitation; the token is the only key (a wrong or expired one is a plain 404). */
  async answer(token: string, responses: readonly QuestionResponse[]): Promise<RespondentResult> {
    const { claims, invitation } = await this.open(token);
    const template = await this.templates.require(invitation.templateId);
    return this.execute(
      claims.customerId,
      claims.invitationId,
      {
        type: 'record-answer',
        invitationId: claims.invitationId,
        questions: template.versions[invitation.templateVersion].questions,
        responses,
      },
      // The customer answers. Each submission is its own command: the decider refuses any after the first.
      { commandId: uuidv7(), actor: { id: claims.customerId, role: 'customer' } },
    );
  }

  followUp(
    kind: 'record-follow-up-opened' | 'record-follow-up-contact' | 'record-follow-up-resolved',
    target: { customerId: string; invitationId: string; ticketId: string; at: string },
    context: CommandContext,
  ): Promise<RespondentResult> {
    return this.execute(
      target.customerId,
      target.invitationId,
      { type: kind, invitationId: target.invitationId, ticketId: target.ticketId },
      context,
      target.at,
    );
  }

  async load(customerId: string): Promise<RespondentState> {
    return (await this.commands.load(respondentAggregate, respondentStream(customerId))).state;
  }

  /**
   * The customer's consent and language as surveys' read model has them. When it says no, it may only
   * be behind (consent granted a moment ago): it is read again once it has handled the log up to the
   * head seen now. If it cannot get there in time the send fails as unavailable (the caller retries)
   * rather than taking a lagging read model's "no" for the customer's answer.
   */
  private async respondent(customerId: string, enough: (doc: RespondentDocument | null) => boolean): Promise<RespondentDocument | null> {
    const doc = await this.documents.get<RespondentDocument>(SURVEYS_COLLECTIONS.respondents, customerId);
    if (enough(doc)) return doc;
    // Without the projection in this process (processors run elsewhere) its read model is all there is.
    const runner = this.processors.runner(projectionCheckpointName('surveys', respondentsProjection));
    const head = await this.events.headPosition();
    if (head === undefined || !runner) return doc;
    const timeoutMs = this.platform.minPositionWaitMs;
    try {
      await runner.waitFor(head, timeoutMs);
    } catch (error) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'read_model_behind',
        message: `Surveys' consent read model did not reach position ${head} within ${timeoutMs} ms (${error instanceof Error ? error.message : String(error)}); retry`,
      });
    }
    return this.documents.get<RespondentDocument>(SURVEYS_COLLECTIONS.respondents, customerId);
  }

  /** The latest invitation sent to any of these customers (the ones merged into a survivor). */
  private async lastInvitedAt(customerIds: readonly string[]): Promise<string | null> {
    let latest: string | null = null;
    for (const customerId of customerIds) {
      const found = await this.documents.find<InvitationDocument>(
        SURVEYS_COLLECTIONS.invitations,
        { customerId },
        { sort: { field: 'sentAt', direction: 'desc' }, limit: 1 },
      );
      const sentAt = found.items[0]?.sentAt;
      if (sentAt && (latest === null || sentAt > latest)) latest = sentAt;
    }
    return latest;
  }

  private async open(token: string) {
    const claims = await this.tokens.verify(token, this.clock.now());
    if (!claims) throw SurveysErrors.invitationNotFound();
    const state = await this.load(claims.customerId);
    const invitation = state.invitations[claims.invitationId];
    if (!invitation || Date.parse(this.now()) > Date.parse(invitation.expiresAt)) throw SurveysErrors.invitationNotFound();
    return { claims, invitation: { ...invitation, answered: !!invitation.answer } };
  }

  private async execute(customerId: string, invitationId: string, body: Body, context: CommandContext, now = this.now()) {
    const command = { ...body, now } as RespondentCommand;
    const result = await this.commands.handle(respondentAggregate, respondentStream(customerId), command, context);
    return { ...useCaseResult(result), customerId, invitationId };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
