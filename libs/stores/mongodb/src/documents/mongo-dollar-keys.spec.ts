import { fromStoredKeys, toStoredKeys } from './mongo-dollar-keys';
import { planWrite, toMongoUpdate } from './mongo-write-plan';

const sealed = { $pii: 'v1:abc', subject: 'c-1' };

describe('MongoDB adapter: sealed values ($-prefixed keys) round-trip', () => {
  it('stores `$` keys at any depth under U+FF04 and gives them back on read', () => {
    const doc = { title: sealed, activities: [{ notes: sealed }], at: '2026-03-01', n: 1, none: null };
    const stored = toStoredKeys(doc);
    expect(JSON.stringify(stored)).not.toContain('"$');
    expect(fromStoredKeys(stored)).toEqual(doc);
  });

  it('escapes the values of replacements and update operators, never the operators or paths', () => {
    const replace = planWrite({ kind: 'replace', collection: 'c', id: 'a', position: 3, doc: { title: sealed } }, undefined);
    expect(replace).toEqual({
      replaceOne: {
        filter: { _id: 'a', _position: { $lt: 3 } },
        replacement: { title: { '\uFF04pii': 'v1:abc', subject: 'c-1' }, _position: 3 },
        upsert: true,
      },
    });
    expect(toMongoUpdate({ $set: { 'deal.title': sealed }, $push: { notes: sealed } }, 4)).toEqual({
      $set: { 'deal.title': { '\uFF04pii': 'v1:abc', subject: 'c-1' }, _position: 4 },
      $push: { notes: { '\uFF04pii': 'v1:abc', subject: 'c-1' } },
    });
  });
});
