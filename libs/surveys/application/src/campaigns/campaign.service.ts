import {
  CommandHandler,
  DomainError,
  deriveId,
  isDomainError,
  useCaseResult,
  type Clock,
  type CommandContext,
  type DocumentStore,
  type UseCaseResult,
} from '@c360/kernel';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import {
  campaignStream,
  surveyCampaignAggregate,
  type CampaignSkips,
  type CampaignState,
  type CampaignCreated,
} from '@c360/surveys-domain';
import { SURVEYS_COLLECTIONS } from '@c360/surveys-projections';
import { Inject, Injectable } from '@nestjs/common';
import { RespondentService } from '../respondents/respondent.service';
import { SurveyTemplateService } from '../templates/template.service';

export type CampaignInput = Omit<CampaignCreated['data'], 'campaignId' | 'createdAt' | 'createdBy'>;
export type CampaignResult = UseCaseResult<CampaignState> & { readonly campaignId: string };

export interface CampaignView {
  readonly campaignId: string;
  readonly status: 'draft' | 'launched';
  readonly name: string;
  readonly templateId: string;
  readonly channel: string;
  readonly purpose: string;
  readonly customers: number;
  readonly invited: number;
  readonly answered: number;
  /** Answered ÷ invited, 0–1 (null before any invitation). */
  readonly responseRate: number | null;
}

/** The invitation a campaign sends to one customer: the same on every launch attempt. */
export function campaignInvitationId(campaignId: string, customerId: string): string {
  return deriveId(`surveys/campaign/${campaignId}/${customerId}`);
}

/**
 * Campaigns: a template sent to a list of customers on a channel for a purpose. Launching asks each
 * customer through the respondent decider (consent and fatigue checked per customer at that moment)
 * and records how many were sent and why the others were skipped. A launch interrupted half-way is
 * repeated with the same invitation ids: nobody is asked twice.
 */
@Injectable()
export class SurveyCampaignService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly templates: SurveyTemplateService,
    private readonly respondents: RespondentService,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: CampaignInput, context: CommandContext): Promise<CampaignResult> {
    await this.templates.require(input.templateId);
    const campaignId = deriveId(`surveys/campaign/${context.commandId}`);
    const result = await this.commands.handle(
      surveyCampaignAggregate,
      campaignStream(campaignId),
      { type: 'create-campaign', campaign: { ...input, campaignId }, now: this.now(), actorId: context.actor.id },
      context,
    );
    return { ...useCaseResult(result), campaignId };
  }

  async launch(campaignId: string, context: CommandContext): Promise<CampaignResult> {
    const streamId = campaignStream(campaignId);
    const { state, revision } = await this.commands.load(surveyCampaignAggregate, streamId);
    if (state.status === 'none')
      throw new DomainError('surveys.campaign-not-found', `No campaign ${campaignId}`, 'not-found', { campaignId });
    // Launched once: a repeated launch answers what the first one did.
    if (state.status === 'launched') return { streamId, state, revision, position: undefined, duplicate: true, changed: false, campaignId };
    const { campaign } = state;
    let sent = 0;
    const skipped: { -readonly [K in keyof CampaignSkips]: number } = { noConsent: 0, recontactTooSoon: 0, unknownCustomer: 0 };
    for (const customerId of campaign.customerIds) {
      const invitationId = campaignInvitationId(campaignId, customerId);
      try {
        await this.respondents.send(
          {
            invitationId,
            customerId,
            templateId: campaign.templateId,
            channel: campaign.channel,
            purpose: campaign.purpose,
            subject: { campaignId },
            recontactDays: campaign.recontactDays,
          },
          { ...context, commandId: deriveId(`surveys/campaign/${campaignId}/${customerId}/send`), expectedRevision: undefined },
        );
        sent++;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === 'surveys.no-consent') skipped.noConsent++;
        else if (error.code === 'surveys.recontact-too-soon') skipped.recontactTooSoon++;
        else if (error.code === 'customer-not-found' || error.code === 'customer-erased') skipped.unknownCustomer++;
        else throw error;
      }
    }
    const result = await this.commands.handle(
      surveyCampaignAggregate,
      campaignStream(campaignId),
      { type: 'record-launch', sent, skipped, now: this.now(), actorId: context.actor.id },
      context,
    );
    return { ...useCaseResult(result), campaignId };
  }

  async view(campaignId: string): Promise<CampaignView> {
    const { state } = await this.commands.load(surveyCampaignAggregate, campaignStream(campaignId));
    if (state.status === 'none')
      throw new DomainError('surveys.campaign-not-found', `No campaign ${campaignId}`, 'not-found', { campaignId });
    // Invited comes from the launch itself, so a launch answers its own figures at once; only the
    // answers (which arrive later, one by one) are counted in the invitations read model.
    const invited = state.status === 'launched' ? state.launch.sent : 0;
    const answered = await this.documents.count(SURVEYS_COLLECTIONS.invitations, { campaignId, status: 'answered' });
    const { campaign } = state;
    return {
      campaignId,
      status: state.status,
      name: campaign.name,
      templateId: campaign.templateId,
      channel: campaign.channel,
      purpose: campaign.purpose,
      customers: campaign.customerIds.length,
      invited,
      answered,
      responseRate: invited === 0 ? null : Math.round((answered / invited) * 1000) / 1000,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
