import type { CampaignEvent } from './campaign/survey-campaign';
import type { RespondentEvent } from './respondent/respondent.events';
import type { TemplateEvent } from './template/survey-template';

/** Every event the surveys context writes. */
export type SurveysEvent = TemplateEvent | CampaignEvent | RespondentEvent;
export type SurveysEventType = SurveysEvent['type'];
