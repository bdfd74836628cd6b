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
    /** The list of customers (pseudonymous ids) it is sent to. */
    readonly customerIds: readonly string[];
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

export type CampaignEvent = CampaignCreated | CampaignLaunched;

export type CampaignCommand =
  | {
      readonly type: 'create-campaign';
      readonly campaign: Omit<CampaignCreated['data'], 'createdAt' | 'createdBy'>;
      readonly now: string;
      readonly actorId: string;
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
  | { readonly status: 'draft'; readonly campaign: CampaignCreated['data'] }
  | {
      readonly status: 'launched';
      readonly campaign: CampaignCreated['data'];
      readonly launch: Pick<CampaignLaunched['data'], 'sent' | 'skipped'>;
    };

function decide(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'create-campaign': {
      if (state.status !== 'none') return [];
      if (command.campaign.customerIds.length === 0) {
        throw new DomainError('surveys.empty-campaign', 'customerIds must not be empty', 'invalid', { field: 'customerIds' });
      }
      const customerIds = [...new Set(command.campaign.customerIds)];
      return [
        {
          type: 'surveys.campaign-created',
          data: { ...command.campaign, customerIds, createdAt: command.now, createdBy: command.actorId },
        },
      ];
    }
    case 'record-launch': {
      if (state.status === 'none') throw new DomainError('surveys.campaign-not-found', 'No such campaign', 'not-found');
      if (state.status === 'launched') return [];
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
  return { status: 'launched', campaign: state.campaign, launch: { sent: event.data.sent, skipped: event.data.skipped } };
}

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = { initialState: { status: 'none' }, decide, evolve };

export function campaignStream(campaignId: string): string {
  return streamName('surveys', 'campaign', campaignId);
}

export const surveyCampaignAggregate: AggregateType<CampaignCommand, CampaignEvent, CampaignState> = {
  name: 'surveys-campaign',
  decider: campaignDecider,
  eventSchemas: { 'surveys.campaign-created': 1, 'surveys.campaign-launched': 1 },
};
