import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { QuestionResponse, SurveyKind, TemplateContent } from '@c360/surveys-domain';
import type { CampaignInput, CampaignResult } from './campaigns/campaign.service';
import type { RespondentResult, SendInvitationInput } from './respondents/respondent.service';
import type { TemplateResult } from './templates/template.service';

/** The surveys use cases as CommandBus messages: REST, GraphQL, workflows and the CLI send the same ones. */

export class DefineSurveyTemplate extends ContextCommand<TemplateResult> {
  constructor(
    readonly templateId: string,
    readonly kind: SurveyKind,
    readonly content: TemplateContent,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ReviseSurveyTemplate extends ContextCommand<TemplateResult> {
  constructor(
    readonly templateId: string,
    readonly content: TemplateContent,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** One invitation to one customer (an agent's request); its id derives from the command id. */
export class SendSurveyInvitation extends ContextCommand<RespondentResult> {
  constructor(
    readonly input: Omit<SendInvitationInput, 'invitationId'>,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** The customer's answer through the link's token (no login). */
export class AnswerSurvey extends ContextCommand<RespondentResult> {
  constructor(
    readonly token: string,
    readonly responses: readonly QuestionResponse[],
  ) {
    super();
  }
}

export class CreateSurveyCampaign extends ContextCommand<CampaignResult> {
  constructor(
    readonly input: CampaignInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class LaunchSurveyCampaign extends ContextCommand<CampaignResult> {
  constructor(
    readonly campaignId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
