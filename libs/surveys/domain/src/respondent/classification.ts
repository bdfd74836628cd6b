import type { SurveyKind } from '../template/survey-template';

export type NpsCategory = 'promoter' | 'passive' | 'detractor';
export type CsatCategory = 'satisfied' | 'neutral' | 'dissatisfied';
export type AnswerCategory = NpsCategory | CsatCategory;

/** NPS: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** CSAT: satisfied 4–5, neutral 3, dissatisfied 1–2. */
export function csatCategory(score: number): CsatCategory {
  if (score >= 4) return 'satisfied';
  if (score === 3) return 'neutral';
  return 'dissatisfied';
}

export function categoryOf(kind: SurveyKind, score: number | undefined): AnswerCategory | undefined {
  if (score === undefined || kind === 'custom') return undefined;
  return kind === 'nps' ? npsCategory(score) : csatCategory(score);
}

/** The closed loop: every NPS detractor and every CSAT of 1 or 2 is followed up. */
export function needsFollowUp(category: AnswerCategory | undefined): boolean {
  return category === 'detractor' || category === 'dissatisfied';
}

/** NPS = % promoters − % detractors, rounded to one decimal; null without answers. */
export function netPromoterScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / total) * 1000) / 10;
}
