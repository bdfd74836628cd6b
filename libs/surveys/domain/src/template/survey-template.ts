import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';

/** NPS: 0–10 and an optional comment; CSAT: 1–5 and an optional comment; custom: the template's own questions. */
export const SURVEY_KINDS = ['nps', 'csat', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const QUESTION_TYPES = ['scale', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Per language tag (`en`, `nb`): what the company wrote, never about a customer (plain). */
export type Localised = Readonly<Record<string, string>>;

export interface SurveyQuestion {
  /** `score`, `comment` for NPS and CSAT; a slug for custom questions. */
  readonly questionId: string;
  readonly type: QuestionType;
  readonly prompt: Localised;
  readonly required: boolean;
  /** Scale bounds (inclusive). */
  readonly min?: number;
  readonly max?: number;
  /** Choice options (codes). */
  readonly options?: readonly string[];
}

/** The invitation message in one language: `{link}` is replaced by the answer link. */
export interface SurveyMessage {
  readonly subject: string;
  readonly body: string;
}

export interface TemplateContent {
  readonly name: string;
  readonly questions: readonly SurveyQuestion[];
  readonly messages: Readonly<Record<string, SurveyMessage>>;
  readonly defaultLanguage: string;
  /** Survey fatigue for this survey: days since the customer's last invitation; absent = the platform default. */
  readonly recontactDays?: number;
}

export interface TemplateDefined {
  readonly type: 'surveys.template-defined';
  readonly data: TemplateContent & {
    readonly templateId: string;
    readonly kind: SurveyKind;
    readonly version: number;
    readonly definedAt: string;
    readonly definedBy: string;
  };
}

export interface TemplateRevised {
  readonly type: 'surveys.template-revised';
  readonly data: TemplateContent & {
    readonly templateId: string;
    readonly kind: SurveyKind;
    readonly version: number;
    readonly revisedAt: string;
    readonly revisedBy: string;
  };
}

export type TemplateEvent = TemplateDefined | TemplateRevised;

export type TemplateCommand =
  | {
      readonly type: 'define-template';
      readonly templateId: string;
      readonly kind: SurveyKind;
      readonly content: TemplateContent;
      readonly now: string;
      readonly actorId: string;
    }
  | { readonly type: 'revise-template'; readonly content: TemplateContent; readonly now: string; readonly actorId: string };

export interface TemplateVersion {
  readonly questions: readonly SurveyQuestion[];
  readonly messages: Readonly<Record<string, SurveyMessage>>;
  readonly defaultLanguage: string;
}

export type TemplateState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly templateId: string;
      readonly kind: SurveyKind;
      readonly version: number;
      readonly content: TemplateContent;
      /** Every version as it was: an invitation is written and its answer checked with the version it was sent with. */
      readonly versions: Readonly<Record<number, TemplateVersion>>;
    };

/** NPS and CSAT ask the same two questions; the template words them. */
export function standardQuestions(kind: Exclude<SurveyKind, 'custom'>, prompt: Localised, commentPrompt: Localised): SurveyQuestion[] {
  return [
    { questionId: 'score', type: 'scale', prompt, required: true, min: kind === 'nps' ? 0 : 1, max: kind === 'nps' ? 10 : 5 },
    { questionId: 'comment', type: 'text', prompt: commentPrompt, required: false },
  ];
}

const SLUG = /^[a-z][a-z0-9-]{0,62}$/;

const invalid = (code: string, field: string, message: string) =>
  new DomainError(`surveys.${code}`, `${field} ${message}`, 'invalid', { field });

/** The rules a template's content follows, whatever its kind. */
function checkContent(kind: SurveyKind, content: TemplateContent): void {
  if (!content.messages[content.defaultLanguage]) {
    throw invalid('missing-default-message', 'messages', `must have a message in the default language "${content.defaultLanguage}"`);
  }
  for (const [language, message] of Object.entries(content.messages)) {
    if (!message.body.includes('{link}')) throw invalid('message-without-link', `messages.${language}.body`, 'must contain {link}');
  }
  const ids = new Set<string>();
  for (const question of content.questions) {
    if (!SLUG.test(question.questionId)) throw invalid('invalid-question', 'questions.questionId', 'must be a slug');
    if (ids.has(question.questionId)) throw invalid('duplicate-question', 'questions.questionId', `"${question.questionId}" appears twice`);
    ids.add(question.questionId);
    if (!question.prompt[content.defaultLanguage]) {
      throw invalid('missing-prompt', 'questions.prompt', `of "${question.questionId}" needs the default language`);
    }
    if (question.type === 'scale' && !(Number.isInteger(question.min) && Number.isInteger(question.max) && question.min! < question.max!)) {
      throw invalid('invalid-scale', 'questions.min', `of "${question.questionId}" must be whole numbers with min < max`);
    }
    if (question.type === 'choice' && !(question.options && question.options.length >= 2)) {
      throw invalid('invalid-choice', 'questions.options', `of "${question.questionId}" needs at least two options`);
    }
  }
  if (kind !== 'custom') {
    const score = content.questions.find((question) => question.questionId === 'score');
    const [min, max] = kind === 'nps' ? [0, 10] : [1, 5];
    if (!score || score.type !== 'scale' || score.min !== min || score.max !== max || !score.required) {
      throw invalid(
        'invalid-score-question',
        'questions',
        `of a ${kind.toUpperCase()} survey must have a required "score" scale ${min}–${max}`,
      );
    }
    const extra = content.questions.find((question) => question.questionId !== 'score' && question.questionId !== 'comment');
    if (extra) throw invalid('unexpected-question', 'questions', `of a ${kind.toUpperCase()} survey are "score" and "comment" only`);
  } else if (content.questions.length === 0) {
    throw invalid('no-questions', 'questions', 'must not be empty');
  }
}

function decide(command: TemplateCommand, state: TemplateState): TemplateEvent[] {
  switch (command.type) {
    case 'define-template': {
      if (state.status !== 'none') {
        throw new DomainError('surveys.template-exists', `Template ${command.templateId} exists: revise it`, 'conflict', {
          templateId: command.templateId,
        });
      }
      checkContent(command.kind, command.content);
      return [
        {
          type: 'surveys.template-defined',
          data: {
            templateId: command.templateId,
            kind: command.kind,
            version: 1,
            ...command.content,
            definedAt: command.now,
            definedBy: command.actorId,
          },
        },
      ];
    }
    case 'revise-template': {
      if (state.status === 'none') throw new DomainError('surveys.template-not-found', 'No such template', 'not-found');
      checkContent(state.kind, command.content);
      return [
        {
          type: 'surveys.template-revised',
          data: {
            templateId: state.templateId,
            kind: state.kind,
            version: state.version + 1,
            ...command.content,
            revisedAt: command.now,
            revisedBy: command.actorId,
          },
        },
      ];
    }
  }
}

function evolve(state: TemplateState, event: TemplateEvent): TemplateState {
  const { templateId, kind, version, name, questions, messages, defaultLanguage, recontactDays } = event.data;
  const content: TemplateContent = {
    name,
    questions,
    messages,
    defaultLanguage,
    ...(recontactDays === undefined ? {} : { recontactDays }),
  };
  const versions = state.status === 'none' ? {} : state.versions;
  return {
    status: 'active',
    templateId,
    kind,
    version,
    content,
    versions: { ...versions, [version]: { questions, messages, defaultLanguage } },
  };
}

/**
 * The message language for a customer: their preferred language when the template has it (`nb-NO`
 * falls back to `nb`), else the template's default.
 */
export function messageLanguage(version: TemplateVersion, preferred: string | null | undefined): string {
  if (preferred) {
    if (version.messages[preferred]) return preferred;
    const base = preferred.split('-')[0];
    if (version.messages[base]) return base;
  }
  return version.defaultLanguage;
}

export const templateDecider: Decider<TemplateCommand, TemplateEvent, TemplateState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

export function templateStream(templateId: string): string {
  return streamName('surveys', 'template', templateId);
}

export const surveyTemplateAggregate: AggregateType<TemplateCommand, TemplateEvent, TemplateState> = {
  name: 'surveys-template',
  decider: templateDecider,
  eventSchemas: { 'surveys.template-defined': 1, 'surveys.template-revised': 1 },
};
