import { deciderSpec } from '@c360/kernel/testing';
import { foldEvents } from '@c360/kernel';
import { MAX_CAMPAIGN_AUDIENCE, campaignAudience, campaignDecider, type CampaignCommand, type CampaignEvent } from './survey-campaign';

const spec = deciderSpec(campaignDecider);
const T0 = '2026-03-02T08:00:00.000Z';
const ANN = '0190a5c4-0000-7000-8000-00000000c001';
const BO = '0190a5c4-0000-7000-8000-00000000c002';
const SEGMENT = '0190a5c4-0000-7000-8000-0000000005e9';

type Create = Extract<CampaignCommand, { type: 'create-campaign' }>;
const create = (audience: Partial<Create['campaign']>): Create => ({
  type: 'create-campaign',
  campaign: {
    campaignId: 'c-1',
    name: 'Spring NPS',
    templateId: 'nps-default',
    channel: 'email',
    purpose: 'marketing',
    customerIds: [],
    ...audience,
  },
  now: T0,
  actorId: 'sup-sue',
});
const created = (audience: Partial<Create['campaign']>): CampaignEvent => ({
  type: 'surveys.campaign-created',
  data: { ...create(audience).campaign, createdAt: T0, createdBy: 'sup-sue' },
});
const resolve = (customerIds: readonly string[]): CampaignCommand => ({
  type: 'resolve-audience',
  customerIds,
  segmentPosition: 42,
  now: T0,
});
const SKIPS = { noConsent: 0, recontactTooSoon: 0, unknownCustomer: 0 };
const launch: CampaignCommand = {
  type: 'record-launch',
  sent: 1,
  skipped: SKIPS,
  now: T0,
  actorId: 'sup-sue',
};

describe('survey campaign decider', () => {
  it('goes to a list (ids deduplicated) or to a segment, never both and never to nobody', () => {
    spec
      .given([])
      .when(create({ customerIds: [ANN, BO, ANN] }))
      .then([created({ customerIds: [ANN, BO] })]);
    spec
      .given([])
      .when(create({ segmentId: SEGMENT }))
      .then([created({ segmentId: SEGMENT })]);
    expect(
      spec
        .given([])
        .when(create({ customerIds: [ANN], segmentId: SEGMENT }))
        .thenThrows('surveys.campaign-audience', 'invalid').details,
    ).toEqual({
      field: 'segmentId',
    });
    expect(spec.given([]).when(create({})).thenThrows('surveys.empty-campaign', 'invalid').details).toEqual({ field: 'customerIds' });
  });

  it("fixes a segment's audience once: the first resolution stands, a list needs none", () => {
    spec
      .given([created({ segmentId: SEGMENT })])
      .when(resolve([BO, ANN, BO]))
      .then([
        {
          type: 'surveys.campaign-audience-resolved',
          data: { campaignId: 'c-1', segmentId: SEGMENT, customerIds: [BO, ANN], segmentPosition: 42, resolvedAt: T0 },
        },
      ]);
    const resolved: CampaignEvent = {
      type: 'surveys.campaign-audience-resolved',
      data: { campaignId: 'c-1', segmentId: SEGMENT, customerIds: [ANN], segmentPosition: 42, resolvedAt: T0 },
    };
    spec
      .given([created({ segmentId: SEGMENT }), resolved])
      .when(resolve([ANN, BO]))
      .thenNothing();
    spec
      .given([created({ customerIds: [ANN] })])
      .when(resolve([BO]))
      .thenNothing();
    const state = foldEvents(campaignDecider, [created({ segmentId: SEGMENT }), resolved]);
    expect(state.status === 'draft' && campaignAudience(state)).toEqual([ANN]);
  });

  it('refuses a segment larger than a campaign may ask, naming the field and both figures', () => {
    const members = Array.from({ length: MAX_CAMPAIGN_AUDIENCE + 1 }, (_, i) => `customer-${i}`);
    expect(
      spec
        .given([created({ segmentId: SEGMENT })])
        .when(resolve(members))
        .thenThrows('surveys.segment-too-large', 'invalid').details,
    ).toEqual({
      field: 'segmentId',
      segmentId: SEGMENT,
      members: MAX_CAMPAIGN_AUDIENCE + 1,
      limit: MAX_CAMPAIGN_AUDIENCE,
    });
  });

  it("records a segment campaign's launch only after its audience is fixed; a second launch records nothing", () => {
    spec
      .given([created({ segmentId: SEGMENT })])
      .when(launch)
      .thenThrows('surveys.audience-not-resolved', 'conflict');
    spec
      .given([created({ customerIds: [ANN] })])
      .when(launch)
      .thenEvents((events) => expect(events.map((event) => event.type)).toEqual(['surveys.campaign-launched']));
    spec
      .given([
        created({ customerIds: [ANN] }),
        { type: 'surveys.campaign-launched', data: { campaignId: 'c-1', sent: 1, skipped: SKIPS, launchedAt: T0, launchedBy: 'sup-sue' } },
      ])
      .when(launch)
      .thenNothing();
  });
});
