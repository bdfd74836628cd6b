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
  MAX_CAMPAIGN_AUDIENCE,
  campaignAudience,
  campaignStream,
  segmentTooLarge,
  surveyCampaignAggregate,
  type CampaignSkips,
  type CampaignState,
  type CampaignCreated,
} from '@c360/surveys-domain';
import { SURVEYS_COLLECTIONS } from '@c360/surveys-projections';
import { Inject, Injectable } from '@nestjs/common';
import { RespondentService } from '../respondents/respondent.service';
import { SEGMENT_AUDIENCE, type SegmentAudience } from '../segments/segment-audience.port';
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
  /** The segment it goes to (null: a list). */
  readonly segmentId: string | null;
  /** How many customers it asks: the list's length, or the segment's members at launch (null before). */
  readonly customers: number | null;
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
 * Campaigns: a template sent to a list of customers, or to a customer 360 segment, on a channel for a
 * purpose. Launching fixes a segment's audience first (its members now, recorded in the campaign), then
 * asks each customer through the respondent decider (consent and fatigue checked per customer at that
 * moment) and records how many were sent and why the others were skipped. A launch interrupted
 * half-way is repeated with the same audience and the same invitation ids: nobody is asked twice.
 */
@Injectable()
export class SurveyCampaignService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly templates: SurveyTemplateService,
    private readonly respondents: RespondentService,
    @Inject(SEGMENT_AUDIENCE) private readonly segments: SegmentAudience,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: CampaignInput, context: CommandContext): Promise<CampaignResult> {
    await this.templates.require(input.templateId);
    // A segment that does not exist, or is already too large to ask, is refused now rather than at launch.
    if (input.segmentId !== undefined && input.customerIds.length === 0) await this.checkSegment(input.segmentId);
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
    const audience = campaignAudience(state) ?? (await this.resolveAudience(campaignId, campaign.segmentId!, context));
    let sent = 0;
    const skipped: { -readonly [K in keyof CampaignSkips]: number } = { noConsent: 0, recontactTooSoon: 0, unknownCustomer: 0 };
    for (const customerId of audience) {
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

  private async checkSegment(segmentId: string): Promise<void> {
    const members = await this.segments.count(segmentId);
    if (members > MAX_CAMPAIGN_AUDIENCE) throw segmentTooLarge(segmentId, members);
  }

  /**
   * Reads the segment's members and records them as the campaign's audience. Two launches racing both
   * read; the campaign keeps the first audience recorded, and both go on with that one.
   */
  private async resolveAudience(campaignId: string, segmentId: string, context: CommandContext): Promise<readonly string[]> {
    const membership = await this.segments.members(segmentId, { max: MAX_CAMPAIGN_AUDIENCE });
    const result = await this.commands.handle(
      surveyCampaignAggregate,
      campaignStream(campaignId),
      { type: 'resolve-audience', customerIds: membership.customerIds, segmentPosition: membership.position, now: this.now() },
      { ...context, commandId: deriveId(`surveys/campaign/${campaignId}/audience`), expectedRevision: undefined },
    );
    if (result.state.status === 'none') throw new Error(`campaign ${campaignId} vanished while its audience was resolved`);
    return campaignAudience(result.state) ?? [];
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
      segmentId: campaign.segmentId ?? null,
      customers: campaignAudience(state)?.length ?? null,
      invited,
      answered,
      responseRate: invited === 0 ? null : Math.round((answered / invited) * 1000) / 1000,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
