import { afterCursor, toMongoSort } from './mongo-cursor';

describe('toMongoSort', () => {
  it('breaks ties by _id in the same direction', () => {
    expect(toMongoSort({ field: 'score', direction: 'asc' })).toEqual({ score: 1, _id: 1 });
    expect(toMongoSort({ field: 'address.city', direction: 'desc' })).toEqual({ 'address.city': -1, _id: -1 });
  });

  it('sorts by _id alone when _id is the field', () => {
    expect(toMongoSort({ field: '_id', direction: 'desc' })).toEqual({ _id: -1 });
  });

  it('refuses a malformed field', () => {
    expect(() => toMongoSort({ field: '$natural', direction: 'asc' })).toThrow(/Invalid field name/);
  });
});

describe('afterCursor (keyset pagination in MongoDB order: null, numbers, strings, booleans)', () => {
  it('on _id, is a plain range', () => {
    expect(afterCursor({ field: '_id', direction: 'asc' }, 'c7', 'c7')).toEqual({ _id: { $gt: 'c7' } });
    expect(afterCursor({ field: '_id', direction: 'desc' }, 'c7', 'c7')).toEqual({ _id: { $lt: 'c7' } });
  });

  it('ascending after a number: later ids of the same value, greater numbers, then strings and booleans', () => {
    expect(afterCursor({ field: 'score', direction: 'asc' }, 3, 'd07')).toEqual({
      $or: [{ score: 3, _id: { $gt: 'd07' } }, { score: { $gt: 3 } }, { score: { $type: ['string', 'bool'] } }],
    });
  });

  it('ascending after null (nulls and missing come first): later ids among the nulls, then every value', () => {
    expect(afterCursor({ field: 'label', direction: 'asc' }, null, 'n3')).toEqual({
      $or: [{ label: null, _id: { $gt: 'n3' } }, { label: { $type: ['number', 'string', 'bool'] } }],
    });
  });

  it('ascending after a boolean, the last type: nothing of another type follows', () => {
    expect(afterCursor({ field: 'vip', direction: 'asc' }, false, 'c1')).toEqual({
      $or: [{ vip: false, _id: { $gt: 'c1' } }, { vip: { $gt: false } }],
    });
  });

  it('descending after a string: smaller strings, then numbers, then null and missing', () => {
    expect(afterCursor({ field: 'label', direction: 'desc' }, 'l5', 'n5')).toEqual({
      $or: [{ label: 'l5', _id: { $lt: 'n5' } }, { label: { $lt: 'l5' } }, { label: { $type: 'number' } }, { label: null }],
    });
  });

  it('descending after null: only the nulls with smaller ids are left', () => {
    expect(afterCursor({ field: 'label', direction: 'desc' }, null, 'n6')).toEqual({ $or: [{ label: null, _id: { $lt: 'n6' } }] });
  });

  it('refuses a cursor value that no page could have produced', () => {
    expect(() => afterCursor({ field: 'label', direction: 'asc' }, { $gt: '' } as unknown as string, 'x')).toThrow(/cursor/);
  });
});
