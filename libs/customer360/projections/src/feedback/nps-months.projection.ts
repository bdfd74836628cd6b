import { projectionCollection, type DocumentProjection, type EnvelopeOf } from '@c360/kernel';
import { SURVEYS_ANSWER_RECORDED, type SurveysSharedEvent } from '@c360/surveys-contracts';

/** NPS answers of one calendar month (UTC, by when they were given): counts only, nothing about who answered. */
export interface NpsMonthDocument {
  readonly month: string;
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export const NPS_MONTHS = { name: 'c360-nps-months', version: 1 } as const;
export const NPS_MONTHS_COLLECTION = projectionCollection(NPS_MONTHS);

type AnswerEvent = Extract<SurveysSharedEvent, { type: typeof SURVEYS_ANSWER_RECORDED }>;

const isNps = (event: EnvelopeOf<AnswerEvent>) => event.data.kind === 'nps' && event.data.category !== undefined;

/** The NPS trend report's counters: one document per month, each answer counted under the category surveys gave it. */
export const npsMonthsProjection: DocumentProjection<NpsMonthDocument, AnswerEvent> = {
  ...NPS_MONTHS,
  handles: [SURVEYS_ANSWER_RECORDED],
  documentIds: (event) => (isNps(event) ? [event.data.answeredAt.slice(0, 7)] : []),
  evolve(doc, event, month) {
    const { category } = event.data;
    const counts = doc ?? { month, responses: 0, promoters: 0, passives: 0, detractors: 0 };
    return {
      ...counts,
      responses: counts.responses + 1,
      promoters: counts.promoters + (category === 'promoter' ? 1 : 0),
      passives: counts.passives + (category === 'passive' ? 1 : 0),
      detractors: counts.detractors + (category === 'detractor' ? 1 : 0),
    };
  },
};
