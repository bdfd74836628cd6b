import { classifyEventFields, personalDataPolicyOf, unclassifiedTextFields } from './event-field-classification';

type NoteEvent =
  | { readonly type: 'demo.note-added'; readonly data: { readonly customerId: string; readonly text: string; readonly score: number } }
  | { readonly type: 'demo.note-tagged'; readonly data: { readonly noteId: string; readonly tags: readonly string[] } };

describe('event field classification (every text field personal or plain)', () => {
  it('derives the sealing policy from the personal fields and their subject', () => {
    const classification = classifyEventFields<NoteEvent>()({
      'demo.note-added': { subject: 'customerId', fields: { customerId: 'plain', text: 'personal' } },
      'demo.note-tagged': { fields: { noteId: 'plain', tags: 'plain' } },
    });
    const policy = personalDataPolicyOf(classification);
    expect(Object.keys(policy)).toEqual(['demo.note-added']);
    expect(policy['demo.note-added'].fields).toEqual(['text']);
    expect(policy['demo.note-added'].subject({ customerId: 'c1' })).toBe('c1');
  });

  it('refuses at compile time an event type or a text field left out', () => {
    classifyEventFields<NoteEvent>()({
      // @ts-expect-error -- `text` is a text field and must be classified
      'demo.note-added': { subject: 'customerId', fields: { customerId: 'plain' } },
      'demo.note-tagged': { fields: { noteId: 'plain', tags: 'plain' } },
    });
    // @ts-expect-error -- `demo.note-tagged` is missing
    classifyEventFields<NoteEvent>()({ 'demo.note-added': { subject: 'customerId', fields: { customerId: 'plain', text: 'plain' } } });
    classifyEventFields<NoteEvent>()({
      // @ts-expect-error -- a field the event does not have
      'demo.note-added': { subject: 'customerId', fields: { customerId: 'plain', text: 'plain', typo: 'plain' } },
      'demo.note-tagged': { fields: { noteId: 'plain', tags: 'plain' } },
    });
  });

  it('refuses a personal field without a subject whose key would seal it', () => {
    expect(() => personalDataPolicyOf({ 'demo.note-added': { fields: { text: 'personal' } } })).toThrow(/no subject/);
  });

  it('names the text fields of a written event that its classification misses (the runtime half)', () => {
    const classification = { 'demo.note-added': { fields: { customerId: 'plain' as const } } };
    expect(unclassifiedTextFields(classification, { type: 'demo.note-added', data: { customerId: 'c1', text: 'hi', score: 3 } })).toEqual([
      'demo.note-added.text',
    ]);
    expect(unclassifiedTextFields(classification, { type: 'demo.other', data: { a: 'x', list: ['y'] } })).toEqual([
      'demo.other.a (type not classified)',
      'demo.other.list (type not classified)',
    ]);
  });
});
