import { SURVEYS_ANSWER_RECORDED, type SurveysAnswerRecordedContract } from '@c360/surveys-contracts';
import { ContractReader } from './contract-reader';

/** What loyalty reads of surveys' answers: who answered which invitation, and when (never the comment). */
export { SURVEYS_ANSWER_RECORDED };

export interface SurveyAnswered {
  readonly invitationId: string;
  readonly customerId: string;
  readonly answeredAt: string;
}

export function readAnswerRecorded(data: unknown): SurveyAnswered {
  const r = new ContractReader<SurveysAnswerRecordedContract>(SURVEYS_ANSWER_RECORDED, data);
  return r.done({ invitationId: r.string('invitationId'), customerId: r.string('customerId'), answeredAt: r.instant('answeredAt') });
}
