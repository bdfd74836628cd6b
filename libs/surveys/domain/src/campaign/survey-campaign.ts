import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';
import type { SurveyChannel, SurveyPurpose } from '../respondent/respondent.events';

export interface CampaignCreated {
  readonly type: 'surveys.campaign-created';
  readonly data: {
    readonly campaignId: string;
    /** The company's own label for it (plain). */
    readonly name: string;
    readonly templateId: string;
    readonly channel: SurveyChannel;
    readonly purpose: SurveyPurpose;
    /** The list of customers (pseudonymous ids) it is sent to; empty when it goes to a segment. */
    readonly customerIds: readonly string[];
    /**
     * A customer 360 segment instead of a list: its members are read when the campaign is launched and
     * recorded then (`surveys.campaign-audience-resolved`), so that a launch repeated asks the same people.
     */
    readonly segmentId?: string;
    /** Overrides the template's survey fatigue for this campaign. */
    readonly recontactDays?: number;
    readonly createdAt: string;
    readonly createdBy: string;
  };
}

/** Why a customer of the list was not asked. */
export interface CampaignSkips {
  readonly noConsent: number;
  readonly recontactTooSoon: number;
  readonly unknownCustomer: number;
}

/** A segment campaign's audience, fixed at its launch: the members the segment had then. */
export interface CampaignAudienceResolved {
  readonly type: 'surveys.campaign-audience-resolved';
  readonly data: {
    readonly campaignId: string;
    readonly segmentId: string;
    readonly customerIds: readonly string[];
    /** The customer 360 position the membership was read at (null: nothing projected yet). */
    readonly segmentPosition: number | null;
    readonly resolvedAt: string;
  };
}

/** The most customers one campaign asks (a list's length, a segment's members at launch). */
export const MAX_CAMPAIGN_AUDIENCE = 10_000;

/** A segment with more members than can be asked at once (422, naming the field and both figures). */
export function segmentTooLarge(segmentId: string, members: number, limit: number = MAX_CAMPAIGN_AUDIENCE): DomainError {
  return new DomainError('surveys.segment-too-large', `The segment has ${members} members; at most ${limit} can be asked`, 'invalid', {
    field: 'segmentId',
    segmentId,
    members,
    limit,
  });
}

export interface CampaignLaunched {
  readonly type: 'surveys.campaign-launched';
  readonly data: {
    readonly campaignId: string;
    readonly sent: number;
    readonly skipped: CampaignSkips;
    readonly launchedAt: string;
    readonly launchedBy: string;
  };
}

export type CampaignEvent = CampaignCreated | CampaignAudienceResolved | CampaignLaunched;

export type CampaignCommand =
  | {
      readonly type: 'create-campaign';
      readonly campaign: Omit<CampaignCreated['data'], 'createdAt' | 'createdBy'>;
      readonly now: string;
      readonly actorId: string;
    }
  | {
      readonly type: 'resolve-audience';
      readonly customerIds: readonly string[];
      readonly segmentPosition: number | null;
      readonly now: string;
    }
  | {
      readonly type: 'record-launch';
      readonly sent: number;
      readonly skipped: CampaignSkips;
      readonly now: string;
      readonly actorId: string;
    };

/** A launched campaign keeps what its launch did: the campaign's own figures, never a read model's lagging count. */
export type CampaignState =
  | { readonly status: 'none' }
  | { readonly status: 'draft'; readonly campaign: CampaignCreated['data']; readonly audience?: readonly string[] }
  | {
      readonly status: 'launched';
      readonly campaign: CampaignCreated['data'];
      readonly audience?: readonly string[];
      readonly launch: Pick<CampaignLaunched['data'], 'sent' | 'skipped'>;
    };

/**
 * Who a campaign asks: its list, or its segment's members as resolved at launch (undefined while a
 * segment campaign has not been launched: nobody knows yet who will be in it).
 */
export function campaignAudience(state: Exclude<CampaignState, { status: 'none' }>): readonly string[] | undefined {
  return state.campaign.segmentId === undefined ? state.campaign.customerIds : state.audience;
}

function checkAudience(campaign: Omit<CampaignCreated['data'], 'createdAt' | 'createdBy'>): void {
  const list = campaign.customerIds.length > 0;
  if (list && campaign.segmentId !== undefined) {
    throw new DomainError('surveys.campaign-audience', 'give customerIds or segmentId, not both', 'invalid', { field: 'segmentId' });
  }
  if (!list && campaign.segmentId === undefined) {
    throw new DomainError('surveys.empty-campaign', 'customerIds must not be empty (or give a segmentId)', 'invalid', {
      field: 'customerIds',
    });
  }
  if (campaign.customerIds.length > MAX_CAMPAIGN_AUDIENCE) {
    throw new DomainError('surveys.campaign-too-large', `customerIds must hold at most ${MAX_CAMPAIGN_AUDIENCE} ids`, 'invalid', {
      field: 'customerIds',
      limit: MAX_CAMPAIGN_AUDIENCE,
    });
  }
}

function decide(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'create-campaign': {
      if (state.status !== 'none') return [];
      checkAudience(command.campaign);
      const customerIds = [...new Set(command.campaign.customerIds)];
      return [
        {
          type: 'surveys.campaign-created',
          data: { ...command.campaign, customerIds, createdAt: command.now, createdBy: command.actorId },
        },
      ];
    }
    case 'resolve-audience': {
      if (state.status === 'none') throw new DomainError('surveys.campaign-not-found', 'No such campaign', 'not-found');
      const { segmentId, campaignId } = state.campaign;
      // A list needs no resolving; a segment's audience is fixed once (a launch repeated keeps the first).
      if (segmentId === undefined || state.audience !== undefined || state.status === 'launched') return [];
      const customerIds = [...new Set(command.customerIds)];
      if (customerIds.length > MAX_CAMPAIGN_AUDIENCE) throw segmentTooLarge(segmentId, customerIds.length);
      return [
        {
          type: 'surveys.campaign-audience-resolved',
          data: { campaignId, segmentId, customerIds, segmentPosition: command.segmentPosition, resolvedAt: command.now },
        },
      ];
    }
    case 'record-launch': {
      if (state.status === 'none') throw new DomainError('surveys.campaign-not-found', 'No such campaign', 'not-found');
      if (state.status === 'launched') return [];
      if (campaignAudience(state) === undefined) {
        throw new DomainError('surveys.audience-not-resolved', "The segment's members are read before the launch is recorded", 'conflict');
      }
      return [
        {
          type: 'surveys.campaign-launched',
          data: {
            campaignId: state.campaign.campaignId,
            sent: command.sent,
            skipped: command.skipped,
            launchedAt: command.now,
            launchedBy: command.actorId,
          },
        },
      ];
    }
  }
}

function evolve(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'surveys.campaign-created') return { status: 'draft', campaign: event.data };
  if (state.status === 'none') return state;
  if (event.type === 'surveys.campaign-audience-resolved') return { ...state, audience: event.data.customerIds };
  return { ...state, status: 'launched', launch: { sent: event.data.sent, skipped: event.data.skipped } };
}

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = { initialState: { status: 'none' }, decide, evolve };

export function campaignStream(campaignId: string): string {
  return streamName('surveys', 'campaign', campaignId);
}

export const surveyCampaignAggregate: AggregateType<CampaignCommand, CampaignEvent, CampaignState> = {
  name: 'surveys-campaign',
  decider: campaignDecider,
  eventSchemas: { 'surveys.campaign-created': 1, 'surveys.campaign-audience-resolved': 1, 'surveys.campaign-launched': 1 },
};
