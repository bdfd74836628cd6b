import { foldEvents } from '@c360/kernel';
import { deciderSpec } from '@c360/kernel/testing';
import { standardQuestions, type SurveyQuestion } from '../template/survey-template';
import { categoryOf, netPromoterScore, npsCategory } from './classification';
import { respondentDecider, type RespondentCommand } from './respondent.decider';
import type { RespondentEvent } from './respondent.events';

const spec = deciderSpec(respondentDecider);
const ANN = '0190a5c4-0000-7000-8000-00000000c001';
const T0 = '2026-03-02T08:00:00.000Z';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();
const NPS = standardQuestions('nps', { en: 'How likely…?' }, { en: 'Why?' });
const CSAT = standardQuestions('csat', { en: 'How satisfied…?' }, { en: 'Anything to add?' });

type Send = Extract<RespondentCommand, { type: 'send-invitation' }>;
const send = (overrides: Partial<Send> = {}): Send => ({
  type: 'send-invitation',
  invitationId: 'inv-1',
  customerId: ANN,
  template: { templateId: 'nps-default', version: 1, kind: 'nps' },
  channel: 'email',
  purpose: 'service',
  language: 'en',
  consentValid: true,
  recontactDays: 30,
  subject: {},
  expiresAt: at(14),
  now: T0,
  ...overrides,
});
const answer = (score: number | undefined, comment?: string, overrides: Partial<RespondentCommand> = {}): RespondentCommand => ({
  type: 'record-answer',
  invitationId: 'inv-1',
  questions: NPS,
  responses: [
    ...(score === undefined ? [] : [{ questionId: 'score', value: score }]),
    ...(comment ? [{ questionId: 'comment', value: comment }] : []),
  ],
  now: at(1),
  ...(overrides as object),
});

function history(...commands: RespondentCommand[]): RespondentEvent[] {
  const events: RespondentEvent[] = [];
  for (const next of commands) events.push(...respondentDecider.decide(next, foldEvents(respondentDecider, events)));
  return events;
}

describe('surveys: sending an invitation', () => {
  it('sends when consent is valid now and the customer was not asked within recontactDays', () => {
    spec
      .given([])
      .when(send({ subject: { ticketId: 't-1', agentId: 'agent-bo', teamId: 'billing' } }))
      .thenEvents((events) =>
        expect(events).toEqual([
          {
            type: 'surveys.invitation-sent',
            data: expect.objectContaining({
              invitationId: 'inv-1',
              customerId: ANN,
              kind: 'nps',
              ticketId: 't-1',
              teamId: 'billing',
              sentAt: T0,
            }),
          },
        ]),
      );
  });

  it('refuses without consent for that channel and purpose', () => {
    spec
      .given([])
      .when(send({ consentValid: false }))
      .thenThrows('surveys.no-consent', 'conflict');
  });

  it('survey fatigue: no second invitation within recontactDays, one after', () => {
    const first = history(send());
    const refused = spec
      .given(first)
      .when(send({ invitationId: 'inv-2', now: at(29) }))
      .thenThrows('surveys.recontact-too-soon', 'conflict');
    expect(refused.details).toMatchObject({ lastInvitedAt: T0, nextAllowedAt: at(30) });
    spec
      .given(first)
      .when(send({ invitationId: 'inv-2', now: at(30) }))
      .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['surveys.invitation-sent']));
  });

  it('survey fatigue counts the latest invitation of customers merged into this one', () => {
    const refused = spec
      .given([])
      .when(send({ now: at(10), mergedLastInvitedAt: at(5) }))
      .thenThrows('surveys.recontact-too-soon', 'conflict');
    expect(refused.details).toMatchObject({ lastInvitedAt: at(5), nextAllowedAt: at(35) });
    // The later of the two counts: its own invitation on day 0, the merged record's on day 5.
    expect(
      spec
        .given(history(send()))
        .when(send({ invitationId: 'inv-2', now: at(31), mergedLastInvitedAt: at(5) }))
        .thenThrows('surveys.recontact-too-soon').details,
    ).toMatchObject({
      lastInvitedAt: at(5),
    });
    spec
      .given(history(send()))
      .when(send({ invitationId: 'inv-2', now: at(35), mergedLastInvitedAt: at(5) }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('a survey may override fatigue (recontactDays 0 asks again at once)', () => {
    spec
      .given(history(send()))
      .when(send({ invitationId: 'inv-2', now: at(1), recontactDays: 0 }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('the same invitation id is sent once (a ticket CSAT repeated, a campaign relaunched)', () => {
    spec
      .given(history(send()))
      .when(send({ now: at(40) }))
      .thenNothing();
  });
});

describe('surveys: answering', () => {
  const sent = () => history(send());

  it('classifies NPS: promoter 9–10, passive 7–8, detractor 0–6', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([1, 2, 3, 4, 5].map((score) => categoryOf('csat', score))).toEqual([
      'dissatisfied',
      'dissatisfied',
      'neutral',
      'satisfied',
      'satisfied',
    ]);
    expect(netPromoterScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('a promoter is recorded without a follow-up', () => {
    spec
      .given(sent())
      .when(answer(9, 'Great service'))
      .then([
        {
          type: 'surveys.answer-recorded',
          data: {
            invitationId: 'inv-1',
            customerId: ANN,
            templateId: 'nps-default',
            templateVersion: 1,
            kind: 'nps',
            score: 9,
            category: 'promoter',
            comment: 'Great service',
            followUpRequired: false,
            answeredAt: at(1),
          },
        },
      ]);
  });

  it('a detractor requests a follow-up carrying the score and the comment', () => {
    spec
      .given(sent())
      .when(answer(3, 'Nobody called back'))
      .thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual(['surveys.answer-recorded', 'surveys.follow-up-requested']);
        expect(events[1].data).toMatchObject({ score: 3, category: 'detractor', comment: 'Nobody called back', customerId: ANN });
      });
  });

  it('a CSAT of 1–2 is followed up for the ticket’s team; 3 is not', () => {
    const csat = history(
      send({ template: { templateId: 'csat-default', version: 1, kind: 'csat' }, subject: { ticketId: 't-1', teamId: 'billing' } }),
    );
    spec
      .given(csat)
      .when(answer(2, undefined, { questions: CSAT } as Partial<RespondentCommand>))
      .thenEvents((events) =>
        expect(events[1]).toMatchObject({ type: 'surveys.follow-up-requested', data: { teamId: 'billing', ticketId: 't-1', score: 2 } }),
      );
    spec
      .given(csat)
      .when(answer(3, undefined, { questions: CSAT } as Partial<RespondentCommand>))
      .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['surveys.answer-recorded']));
  });

  it('one answer per invitation', () => {
    spec
      .given(history(send(), answer(9)))
      .when(answer(2))
      .thenThrows('surveys.already-answered', 'conflict');
  });

  it('an unknown or expired invitation answers the same not-found', () => {
    spec.given([]).when(answer(9)).thenThrows('surveys.invitation-not-found', 'not-found');
    spec
      .given(sent())
      .when(answer(9, undefined, { now: at(15) } as Partial<RespondentCommand>))
      .thenThrows('surveys.invitation-not-found');
  });

  it('checks the answer against the questions: range, required, unknown questions', () => {
    expect(spec.given(sent()).when(answer(11)).thenThrows('surveys.invalid-answer').details).toEqual({ field: 'score' });
    expect(spec.given(sent()).when(answer(undefined, 'just words')).thenThrows('surveys.invalid-answer').details).toEqual({
      field: 'score',
    });
    const extra = {
      responses: [
        { questionId: 'score', value: 8 },
        { questionId: 'colour', value: 'red' },
      ],
    } as Partial<RespondentCommand>;
    expect(
      spec
        .given(sent())
        .when(answer(8, undefined, extra))
        .thenThrows('surveys.invalid-answer').details,
    ).toEqual({ field: 'colour' });
  });

  it('custom question sets: choices and text answered, kept as responses, not classified', () => {
    const questions: SurveyQuestion[] = [
      { questionId: 'delivery', type: 'choice', prompt: { en: 'Delivery?' }, required: true, options: ['fast', 'slow'] },
      { questionId: 'ideas', type: 'text', prompt: { en: 'Ideas?' }, required: false },
    ];
    const custom = history(send({ template: { templateId: 'shop', version: 2, kind: 'custom' } }));
    spec
      .given(custom)
      .when({
        type: 'record-answer',
        invitationId: 'inv-1',
        questions,
        responses: [
          { questionId: 'delivery', value: 'fast' },
          { questionId: 'ideas', value: 'More colours' },
        ],
        now: at(1),
      })
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(events[0].data).toMatchObject({
          kind: 'custom',
          templateVersion: 2,
          followUpRequired: false,
          responses: [
            { questionId: 'delivery', value: 'fast' },
            { questionId: 'ideas', value: 'More colours' },
          ],
        });
        expect(events[0].data).not.toHaveProperty('category');
      });
    spec
      .given(custom)
      .when({
        type: 'record-answer',
        invitationId: 'inv-1',
        questions,
        responses: [{ questionId: 'delivery', value: 'by boat' }],
        now: at(1),
      })
      .thenThrows('surveys.invalid-answer');
  });
});

describe('surveys: the follow-up outcome on the answer', () => {
  const detractor = () => history(send(), answer(2, 'Bad'));

  it('records the ticket, the time to first contact and the resolution, each once', () => {
    const opened = history(send(), answer(2, 'Bad'), {
      type: 'record-follow-up-opened',
      invitationId: 'inv-1',
      ticketId: 'fu-1',
      now: at(1),
    });
    spec
      .given(opened)
      .when({ type: 'record-follow-up-opened', invitationId: 'inv-1', ticketId: 'fu-1', now: at(1) })
      .thenNothing();
    const contactAt = new Date(Date.parse(at(1)) + 90 * 60_000).toISOString();
    spec
      .given(opened)
      .when({ type: 'record-follow-up-contact', invitationId: 'inv-1', ticketId: 'fu-1', now: contactAt })
      .then([
        {
          type: 'surveys.follow-up-contacted',
          data: { invitationId: 'inv-1', customerId: ANN, followUpTicketId: 'fu-1', contactedAt: contactAt, minutesToFirstContact: 90 },
        },
      ]);
    const contacted = [
      ...opened,
      ...respondentDecider.decide(
        { type: 'record-follow-up-contact', invitationId: 'inv-1', ticketId: 'fu-1', now: contactAt },
        foldEvents(respondentDecider, opened),
      ),
    ];
    spec
      .given(contacted)
      .when({ type: 'record-follow-up-contact', invitationId: 'inv-1', ticketId: 'fu-1', now: at(2) })
      .thenNothing();
    spec
      .given(contacted)
      .when({ type: 'record-follow-up-resolved', invitationId: 'inv-1', ticketId: 'fu-1', now: at(2) })
      .thenEvents((events) => expect(events[0].data).toMatchObject({ minutesToResolution: 1440 }));
  });

  it('an answer that needed no follow-up has none to record', () => {
    spec
      .given(history(send(), answer(10)))
      .when({ type: 'record-follow-up-opened', invitationId: 'inv-1', ticketId: 'x', now: at(1) })
      .thenThrows('surveys.invitation-not-found');
    expect(detractor()).toHaveLength(3);
  });
});
