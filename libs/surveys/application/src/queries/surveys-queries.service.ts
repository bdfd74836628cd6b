import {
  CustomerAliases,
  DomainError,
  PersonalDataProtector,
  type DocumentStore,
  type Filter,
  type SortSpec,
  type StoredDocument,
} from '@c360/kernel';
import { DOCUMENT_STORE } from '@c360/runtime';
import { netPromoterScore } from '@c360/surveys-domain';
import {
  SURVEYS_COLLECTIONS,
  surveysCustomerAliasesProjection,
  type InvitationDocument,
  type RespondentDocument,
  type TemplateDocument,
} from '@c360/surveys-projections';
import { Inject, Injectable } from '@nestjs/common';
import type { SurveyMessageOut } from '../delivery/notifier.port';
import { SEGMENT_AUDIENCE, type SegmentAudience } from '../segments/segment-audience.port';

export interface SurveysPage<T> {
  readonly items: T[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export interface PageAsk {
  readonly limit?: number;
  readonly after?: string;
}

export type ReportPeriod = 'week' | 'month' | 'quarter';

export interface NpsFigures {
  readonly answers: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters − % detractors (one decimal); null without answers. */
  readonly nps: number | null;
}

const ALERT_STATUSES = ['requested', 'opened', 'contacted'] as const;
const SCAN = 500;
/** The largest segment an NPS report reads the members of (its ids are held in memory for the report). */
const REPORT_SEGMENT_MAX = 1_000_000;

/** Adds one item to the group of a key. */
function add<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

/** `2026-03` (month), `2026-Q1` (quarter) or the Monday of the ISO week (`2026-03-02`), in UTC. */
export function periodOf(instant: string, period: ReportPeriod): string {
  const date = new Date(instant);
  if (period === 'month') return instant.slice(0, 7);
  if (period === 'quarter') return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

function tally(categories: readonly (string | null)[]): NpsFigures {
  const count = (category: string) => categories.filter((c) => c === category).length;
  const counts = { promoters: count('promoter'), passives: count('passive'), detractors: count('detractor') };
  return { answers: categories.length, ...counts, nps: netPromoterScore(counts) };
}

function withoutBookkeeping<T>(doc: StoredDocument<T>): T {
  const { _id: _id, _position: _position, ...rest } = doc as StoredDocument<T> & Record<string, unknown>;
  return rest as T;
}

/** Reads surveys' read models (never the log); comments and answers are opened per request with the protector. */
@Injectable()
export class SurveysQueries {
  private readonly aliases: CustomerAliases;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly protector: PersonalDataProtector,
    @Inject(SEGMENT_AUDIENCE) private readonly segments: SegmentAudience,
  ) {
    this.aliases = new CustomerAliases(documents, surveysCustomerAliasesProjection);
  }

  templates(page: PageAsk): Promise<SurveysPage<TemplateDocument>> {
    return this.page<TemplateDocument>(SURVEYS_COLLECTIONS.templates, {}, { field: 'templateId', direction: 'asc' }, page);
  }

  async template(templateId: string): Promise<TemplateDocument> {
    const doc = await this.documents.get<TemplateDocument>(SURVEYS_COLLECTIONS.templates, templateId);
    if (!doc) throw new DomainError('surveys.template-not-found', `No survey template ${templateId}`, 'not-found', { templateId });
    return withoutBookkeeping(doc);
  }

  /** The embedded notifier's messages, newest first (optionally one customer's). */
  outbox(customerId: string | undefined, page: PageAsk): Promise<SurveysPage<SurveyMessageOut>> {
    return this.page<SurveyMessageOut>(
      SURVEYS_COLLECTIONS.outbox,
      customerId ? { customerId } : {},
      { field: 'createdAt', direction: 'desc' },
      page,
    );
  }

  async invitation(invitationId: string): Promise<InvitationDocument> {
    const doc = await this.documents.get<InvitationDocument>(SURVEYS_COLLECTIONS.invitations, invitationId);
    if (!doc) throw new DomainError('surveys.invitation-not-found', `No invitation ${invitationId}`, 'not-found', { invitationId });
    return this.opened(withoutBookkeeping(doc));
  }

  /**
   * A customer's invitations and answers, newest first: what their profile shows — with those of every
   * customer merged into it (and only its own again once a merge is undone).
   */
  async customerSurveys(customerId: string, page: PageAsk): Promise<SurveysPage<InvitationDocument>> {
    const { customerIds } = await this.aliases.resolve(customerId);
    const found = await this.page<InvitationDocument>(
      SURVEYS_COLLECTIONS.invitations,
      customerIds.length === 1 ? { customerId } : { customerId: { $in: [...customerIds] } },
      { field: 'sentAt', direction: 'desc' },
      page,
    );
    const items: InvitationDocument[] = [];
    for (const item of found.items) items.push(await this.opened(item));
    return { items, nextCursor: found.nextCursor };
  }

  /** Supervisors' alerts: answers whose follow-up is not resolved yet, oldest first. */
  async alerts(page: PageAsk): Promise<SurveysPage<InvitationDocument>> {
    const found = await this.page<InvitationDocument>(
      SURVEYS_COLLECTIONS.invitations,
      { followUpStatus: { $in: [...ALERT_STATUSES] } },
      { field: 'answeredAt', direction: 'asc' },
      page,
    );
    const items: InvitationDocument[] = [];
    for (const item of found.items) items.push(await this.opened(item));
    return { items, nextCursor: found.nextCursor };
  }

  /**
   * NPS per period with its trend (the change from the period before), and per loyalty tier over the
   * whole range. Answers are counted in the period they were given. With a segment, only the answers of
   * the customers who are its members now count (the segment's membership is the customer 360's, read
   * at the moment of the report; `segment` says when and how many).
   */
  async npsReport(period: ReportPeriod, range: { from?: string; to?: string }, segmentId?: string) {
    const membership = segmentId === undefined ? undefined : await this.segments.members(segmentId, { max: REPORT_SEGMENT_MAX });
    const members = membership === undefined ? undefined : new Set(membership.customerIds);
    const answers = (await this.answered('nps', range)).filter((answer) => members === undefined || members.has(answer.customerId));
    const byPeriod = new Map<string, (string | null)[]>();
    for (const answer of answers) add(byPeriod, periodOf(answer.answeredAt!, period), answer.category);
    let previous: number | null = null;
    const periods = [...byPeriod.keys()].sort().map((key) => {
      const figures = tally(byPeriod.get(key)!);
      const trend = figures.nps !== null && previous !== null ? Math.round((figures.nps - previous) * 10) / 10 : null;
      previous = figures.nps ?? previous;
      return { period: key, ...figures, trend };
    });
    const tiers = await this.tiersOf(answers.map((answer) => answer.customerId));
    const byTier = new Map<string, (string | null)[]>();
    for (const answer of answers) add(byTier, tiers.get(answer.customerId) ?? 'none', answer.category);
    return {
      period,
      ...(membership === undefined
        ? {}
        : {
            segment: {
              segmentId: membership.segmentId,
              members: membership.customerIds.length,
              position: membership.position,
              asOf: membership.asOf,
            },
          }),
      overall: tally(answers.map((answer) => answer.category)),
      periods,
      tiers: [...byTier.keys()].sort().map((tier) => ({ tier, ...tally(byTier.get(tier)!) })),
    };
  }

  /** CSAT average (1–5) per agent and per team of the tickets asked about. */
  async csatReport(range: { from?: string; to?: string }) {
    const answers = await this.answered('csat', range);
    const group = (key: (answer: InvitationDocument) => string | null) => {
      const groups = new Map<string, number[]>();
      for (const answer of answers) {
        const id = key(answer);
        if (id && answer.score !== null) add(groups, id, answer.score);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, scores]) => ({
          id,
          answers: scores.length,
          average: Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100,
          low: scores.filter((score) => score <= 2).length,
        }));
    };
    const all = answers.filter((answer) => answer.score !== null).map((answer) => answer.score!);
    return {
      overall: { answers: all.length, average: all.length ? Math.round((all.reduce((s, x) => s + x, 0) / all.length) * 100) / 100 : null },
      agents: group((answer) => answer.agentId).map(({ id, ...rest }) => ({ agentId: id, ...rest })),
      teams: group((answer) => answer.teamId).map(({ id, ...rest }) => ({ teamId: id, ...rest })),
    };
  }

  /** Invited, answered and the response rate of every campaign. */
  async responseRates() {
    const campaigns = new Map<string, { invited: number; answered: number }>();
    for await (const invitation of this.scan({ campaignId: { $ne: null } })) {
      const entry = campaigns.get(invitation.campaignId!) ?? { invited: 0, answered: 0 };
      entry.invited++;
      if (invitation.status === 'answered') entry.answered++;
      campaigns.set(invitation.campaignId!, entry);
    }
    return {
      campaigns: [...campaigns.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([campaignId, { invited, answered }]) => ({
          campaignId,
          invited,
          answered,
          responseRate: Math.round((answered / invited) * 1000) / 1000,
        })),
    };
  }

  private async answered(kind: 'nps' | 'csat', range: { from?: string; to?: string }): Promise<InvitationDocument[]> {
    const answeredAt = { $exists: true, ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
    const out: InvitationDocument[] = [];
    for await (const invitation of this.scan({ kind, status: 'answered', answeredAt })) out.push(invitation);
    return out;
  }

  private async tiersOf(customerIds: readonly string[]): Promise<Map<string, string>> {
    const tiers = new Map<string, string>();
    const unique = [...new Set(customerIds)];
    for (let i = 0; i < unique.length; i += SCAN) {
      for (const doc of await this.documents.getMany<RespondentDocument>(SURVEYS_COLLECTIONS.respondents, unique.slice(i, i + SCAN))) {
        if (doc.tier) tiers.set(doc.customerId, doc.tier);
      }
    }
    return tiers;
  }

  private async *scan(filter: Filter): AsyncIterable<InvitationDocument> {
    let after: string | undefined;
    do {
      const found = await this.documents.find<InvitationDocument>(SURVEYS_COLLECTIONS.invitations, filter, { limit: SCAN, after });
      for (const doc of found.items) yield doc;
      after = found.nextCursor;
    } while (after);
  }

  private async page<T>(collection: string, filter: Filter, sort: SortSpec, ask: PageAsk): Promise<SurveysPage<T>> {
    const found = await this.documents.find<T>(collection, filter, { sort, limit: ask.limit ?? 50, after: ask.after });
    return { items: found.items.map((doc) => withoutBookkeeping(doc)), nextCursor: found.nextCursor ?? null };
  }

  private async opened(doc: InvitationDocument): Promise<InvitationDocument> {
    if (doc.comment === null && doc.responses === null) return doc;
    return { ...doc, comment: await this.protector.revealValue(doc.comment), responses: await this.protector.revealValue(doc.responses) };
  }
}
