import { deriveId } from '@c360/kernel';
import type { ContextStartHook } from '@c360/runtime';
import { standardQuestions, type TemplateContent } from '@c360/surveys-domain';
import { Injectable } from '@nestjs/common';
import { SurveyTemplateService } from './template.service';

export const NPS_TEMPLATE_ID = 'nps-default';
export const CSAT_TEMPLATE_ID = 'csat-default';
const ACTOR = { id: 'surveys', role: 'system' } as const;

const NPS: TemplateContent = {
  name: 'Net Promoter Score',
  questions: standardQuestions(
    'nps',
    {
      en: 'How likely are you to recommend us to a friend or colleague?',
      nb: 'Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?',
    },
    { en: 'What is the main reason for your score?', nb: 'Hva er hovedgrunnen til svaret ditt?' },
  ),
  messages: {
    en: { subject: 'How likely are you to recommend us?', body: 'We would love to hear from you. Answer in one click: {link}' },
    nb: { subject: 'Vil du anbefale oss?', body: 'Vi vil gjerne høre fra deg. Svar med ett klikk: {link}' },
  },
  defaultLanguage: 'en',
};

const CSAT: TemplateContent = {
  name: 'Support satisfaction',
  questions: standardQuestions(
    'csat',
    { en: 'How satisfied are you with the help you received?', nb: 'Hvor fornøyd er du med hjelpen du fikk?' },
    { en: 'Anything we could have done better?', nb: 'Noe vi kunne gjort bedre?' },
  ),
  messages: {
    en: { subject: 'How did we do?', body: 'Your request was resolved. Tell us how it went: {link}' },
    nb: { subject: 'Hvordan gikk det?', body: 'Saken din er løst. Fortell oss hvordan det gikk: {link}' },
  },
  defaultLanguage: 'en',
};

/** The NPS and CSAT templates the triggers use, defined once on first start (supervisors revise them). */
@Injectable()
export class EnsureDefaultTemplates implements ContextStartHook {
  constructor(private readonly templates: SurveyTemplateService) {}

  async onContextStart(): Promise<void> {
    for (const [templateId, kind, content] of [
      [NPS_TEMPLATE_ID, 'nps', NPS],
      [CSAT_TEMPLATE_ID, 'csat', CSAT],
    ] as const) {
      if (await this.templates.exists(templateId)) continue;
      await this.templates.define(templateId, kind, content, {
        commandId: deriveId(`surveys/default-template/${templateId}`),
        actor: ACTOR,
      });
    }
  }
}
