import { deriveId } from '@c360/kernel';
import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { Inject } from '@nestjs/common';
import { SurveyCampaignService } from './campaigns/campaign.service';
import { SURVEYS_CONFIG, type SurveysConfig } from './config/surveys-config';
import { RecordFollowUpOutcome, SendTicketCsat } from './reactions/reaction.commands';
import { RespondentService } from './respondents/respondent.service';
import {
  AnswerSurvey,
  CreateSurveyCampaign,
  DefineSurveyTemplate,
  LaunchSurveyCampaign,
  ReviseSurveyTemplate,
  SendSurveyInvitation,
} from './surveys.commands';
import { CSAT_TEMPLATE_ID } from './templates/ensure-default-templates';
import { SurveyTemplateService } from './templates/template.service';

/** Thin handlers: each delegates to the service that owns the aggregate. */

@HandlesCommand(DefineSurveyTemplate)
export class DefineSurveyTemplateHandler implements ICommandHandler<DefineSurveyTemplate> {
  constructor(private readonly templates: SurveyTemplateService) {}
  execute(command: DefineSurveyTemplate) {
    return this.templates.define(command.templateId, command.kind, command.content, contextOf(command));
  }
}

@HandlesCommand(ReviseSurveyTemplate)
export class ReviseSurveyTemplateHandler implements ICommandHandler<ReviseSurveyTemplate> {
  constructor(private readonly templates: SurveyTemplateService) {}
  execute(command: ReviseSurveyTemplate) {
    return this.templates.revise(command.templateId, command.content, contextOf(command));
  }
}

@HandlesCommand(SendSurveyInvitation)
export class SendSurveyInvitationHandler implements ICommandHandler<SendSurveyInvitation> {
  constructor(private readonly respondents: RespondentService) {}
  execute(command: SendSurveyInvitation) {
    const context = contextOf(command);
    return this.respondents.send({ ...command.input, invitationId: deriveId(`surveys/invitation/${context.commandId}`) }, context);
  }
}

@HandlesCommand(AnswerSurvey)
export class AnswerSurveyHandler implements ICommandHandler<AnswerSurvey> {
  constructor(private readonly respondents: RespondentService) {}
  execute(command: AnswerSurvey) {
    return this.respondents.answer(command.token, command.responses);
  }
}

@HandlesCommand(CreateSurveyCampaign)
export class CreateSurveyCampaignHandler implements ICommandHandler<CreateSurveyCampaign> {
  constructor(private readonly campaigns: SurveyCampaignService) {}
  execute(command: CreateSurveyCampaign) {
    return this.campaigns.create(command.input, contextOf(command));
  }
}

@HandlesCommand(LaunchSurveyCampaign)
export class LaunchSurveyCampaignHandler implements ICommandHandler<LaunchSurveyCampaign> {
  constructor(private readonly campaigns: SurveyCampaignService) {}
  execute(command: LaunchSurveyCampaign) {
    return this.campaigns.launch(command.campaignId, contextOf(command));
  }
}

/** One CSAT invitation per resolved ticket: its id derives from the ticket. */
@HandlesCommand(SendTicketCsat)
export class SendTicketCsatHandler implements ICommandHandler<SendTicketCsat> {
  constructor(
    private readonly respondents: RespondentService,
    @Inject(SURVEYS_CONFIG) private readonly config: SurveysConfig,
  ) {}
  execute(command: SendTicketCsat) {
    const { ticketId, customerId, agentId, teamId } = command.ticket;
    return this.respondents.send(
      {
        invitationId: deriveId(`surveys/csat/${ticketId}`),
        customerId,
        templateId: CSAT_TEMPLATE_ID,
        channel: this.config.csatChannel,
        purpose: 'service',
        subject: { ticketId, ...(agentId ? { agentId } : {}), ...(teamId ? { teamId } : {}) },
      },
      contextOf(command),
    );
  }
}

@HandlesCommand(RecordFollowUpOutcome)
export class RecordFollowUpOutcomeHandler implements ICommandHandler<RecordFollowUpOutcome> {
  constructor(private readonly respondents: RespondentService) {}
  execute(command: RecordFollowUpOutcome) {
    const kind = (
      { opened: 'record-follow-up-opened', contacted: 'record-follow-up-contact', resolved: 'record-follow-up-resolved' } as const
    )[command.outcome];
    return this.respondents.followUp(kind, command.target, contextOf(command));
  }
}

export const SURVEYS_COMMAND_HANDLERS = [
  DefineSurveyTemplateHandler,
  ReviseSurveyTemplateHandler,
  SendSurveyInvitationHandler,
  AnswerSurveyHandler,
  CreateSurveyCampaignHandler,
  LaunchSurveyCampaignHandler,
  SendTicketCsatHandler,
  RecordFollowUpOutcomeHandler,
];
