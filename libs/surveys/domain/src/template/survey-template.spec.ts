import { deciderSpec } from '@c360/kernel/testing';
import { messageLanguage, standardQuestions, templateDecider, type TemplateCommand, type TemplateContent } from './survey-template';

const spec = deciderSpec(templateDecider);
const T0 = '2026-03-02T08:00:00.000Z';
const content = (overrides: Partial<TemplateContent> = {}): TemplateContent => ({
  name: 'NPS',
  questions: standardQuestions('nps', { en: 'How likely?', nb: 'Hvor sannsynlig?' }, { en: 'Why?' }),
  messages: { en: { subject: 'A question', body: 'Answer here: {link}' }, nb: { subject: 'Et spørsmål', body: 'Svar her: {link}' } },
  defaultLanguage: 'en',
  ...overrides,
});
const define = (overrides: Partial<TemplateContent> = {}, kind: 'nps' | 'csat' | 'custom' = 'nps'): TemplateCommand => ({
  type: 'define-template',
  templateId: 'nps-default',
  kind,
  content: content(overrides),
  now: T0,
  actorId: 'sup-sue',
});

describe('surveys: templates', () => {
  it('defines version 1 and each revision is the next version, keeping every version’s questions', () => {
    const defined = templateDecider.decide(define(), templateDecider.initialState);
    expect(defined[0]).toMatchObject({ type: 'surveys.template-defined', data: { version: 1, kind: 'nps' } });
    expect(defined[0].data).not.toHaveProperty('recontactDays');
    const revise: TemplateCommand = { type: 'revise-template', content: content({ recontactDays: 60 }), now: T0, actorId: 'sup-sue' };
    spec
      .given(defined)
      .when(revise)
      .thenEvents((events) => expect(events[0].data).toMatchObject({ version: 2, recontactDays: 60 }));
    const state = spec
      .given([...defined, ...templateDecider.decide(revise, templateDecider.evolve(templateDecider.initialState, defined[0]))])
      .state();
    expect(state.status === 'active' && Object.keys(state.versions)).toEqual(['1', '2']);
  });

  it('an NPS template asks a required 0–10 score and at most a comment; CSAT 1–5', () => {
    spec
      .given([])
      .when(define({ questions: standardQuestions('csat', { en: 'x' }, { en: 'y' }) }))
      .thenThrows('surveys.invalid-score-question');
    spec
      .given([])
      .when(define({ questions: standardQuestions('csat', { en: 'x' }, { en: 'y' }) }, 'csat'))
      .thenEvents((events) => expect(events).toHaveLength(1));
    const extra = [
      ...standardQuestions('nps', { en: 'x' }, { en: 'y' }),
      { questionId: 'age', type: 'scale' as const, prompt: { en: 'Age' }, required: false, min: 0, max: 120 },
    ];
    spec
      .given([])
      .when(define({ questions: extra }))
      .thenThrows('surveys.unexpected-question');
  });

  it('needs a message with the link in the default language, and prompts in it', () => {
    spec
      .given([])
      .when(define({ defaultLanguage: 'de' }))
      .thenThrows('surveys.missing-default-message');
    spec
      .given([])
      .when(define({ messages: { en: { subject: 's', body: 'no link' } } }))
      .thenThrows('surveys.message-without-link');
    const custom = [
      { questionId: 'delivery', type: 'choice' as const, prompt: { nb: 'Levering?' }, required: true, options: ['fast', 'slow'] },
    ];
    spec
      .given([])
      .when(define({ questions: custom }, 'custom'))
      .thenThrows('surveys.missing-prompt');
    spec
      .given([])
      .when(define({ questions: [] }, 'custom'))
      .thenThrows('surveys.no-questions');
  });

  it('a template id is defined once', () => {
    spec
      .given(templateDecider.decide(define(), templateDecider.initialState))
      .when(define())
      .thenThrows('surveys.template-exists', 'conflict');
  });
});

describe('surveys: the message language', () => {
  const version = {
    questions: [],
    messages: { en: { subject: 's', body: '{link}' }, nb: { subject: 's', body: '{link}' } },
    defaultLanguage: 'en',
  };
  it('is the preferred language when the template has it, its base language, else the default', () => {
    expect(messageLanguage(version, 'nb')).toBe('nb');
    expect(messageLanguage(version, 'nb-NO')).toBe('nb');
    expect(messageLanguage(version, 'th')).toBe('en');
    expect(messageLanguage(version, null)).toBe('en');
  });
});
