import type { DocumentProjection } from '@c360/kernel';
import type { SurveyKind, SurveyMessage, SurveyQuestion, TemplateEvent } from '@c360/surveys-domain';

/** A template's current version, as the API lists it (older versions stay in its stream). */
export interface TemplateDocument {
  readonly templateId: string;
  readonly kind: SurveyKind;
  readonly version: number;
  readonly name: string;
  readonly questions: readonly SurveyQuestion[];
  readonly messages: Readonly<Record<string, SurveyMessage>>;
  readonly defaultLanguage: string;
  readonly recontactDays: number | null;
  readonly updatedAt: string;
}

export const templatesProjection: DocumentProjection<TemplateDocument, TemplateEvent> = {
  name: 'surveys-templates',
  version: 1,
  handles: ['surveys.template-defined', 'surveys.template-revised'],
  documentIds: (event) => [event.data.templateId],
  evolve(_doc, event) {
    const d = event.data;
    return {
      templateId: d.templateId,
      kind: d.kind,
      version: d.version,
      name: d.name,
      questions: d.questions,
      messages: d.messages,
      defaultLanguage: d.defaultLanguage,
      recontactDays: d.recontactDays ?? null,
      updatedAt: event.type === 'surveys.template-defined' ? event.data.definedAt : event.data.revisedAt,
    };
  },
};
