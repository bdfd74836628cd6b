import type { Filter } from '@c360/kernel';
import { prefixPattern, toMongoQuery } from './mongo-filter';

describe('toMongoQuery', () => {
  it('hides tombstones from every query', () => {
    expect(toMongoQuery()).toEqual({ _deleted: { $ne: true } });
    expect(toMongoQuery({})).toEqual({ _deleted: { $ne: true } });
  });

  it('passes equality, null and nested paths through: MongoDB already matches array elements and missing fields', () => {
    expect(toMongoQuery({ tier: 'gold', 'address.city': 'Oslo', vip: true, age: 31, deletedAt: null, _id: 'c1' })).toEqual({
      _deleted: { $ne: true },
      tier: 'gold',
      'address.city': 'Oslo',
      vip: true,
      age: 31,
      deletedAt: null,
      _id: 'c1',
    });
  });

  it('keeps the comparison operators, which MongoDB applies within one type', () => {
    expect(toMongoQuery({ age: { $gt: 20, $lte: 40 }, name: { $gte: 'a', $lt: 'n' }, tier: { $ne: 'gold', $eq: 'silver' } })).toEqual({
      _deleted: { $ne: true },
      age: { $gt: 20, $lte: 40 },
      name: { $gte: 'a', $lt: 'n' },
      tier: { $ne: 'gold', $eq: 'silver' },
    });
  });

  it('keeps $in and $exists', () => {
    expect(toMongoQuery({ tier: { $in: ['gold', null, 3] }, vip: { $exists: false } })).toEqual({
      _deleted: { $ne: true },
      tier: { $in: ['gold', null, 3] },
      vip: { $exists: false },
    });
  });

  it('turns $prefix into an anchored regular expression with every metacharacter escaped', () => {
    expect(toMongoQuery({ name: { $prefix: 'anna' } })).toEqual({ _deleted: { $ne: true }, name: { $regex: '^anna' } });
    expect(prefixPattern('code', 'a.b*c+(d)[e]{f}|g?^$\\h/i-j')).toBe('^a\\.b\\*c\\+\\(d\\)\\[e\\]\\{f\\}\\|g\\?\\^\\$\\\\h\\/i\\-j');
    const pattern = new RegExp(prefixPattern('code', 'a.b*('));
    expect(pattern.test('a.b*(c')).toBe(true);
    expect(pattern.test('axb*(c')).toBe(false);
    expect(pattern.test('xa.b*(')).toBe(false);
  });

  it('combines $prefix with other conditions on the same field', () => {
    expect(toMongoQuery({ email: { $prefix: 'a', $ne: 'a@x.io' } })).toEqual({
      _deleted: { $ne: true },
      email: { $regex: '^a', $ne: 'a@x.io' },
    });
  });

  it('refuses operators outside the port, so a filter cannot carry $where or $expr', () => {
    expect(() => toMongoQuery({ name: { $where: 'sleep(1000)' } } as unknown as Filter)).toThrow(/Unknown operator \$where/);
    expect(() => toMongoQuery({ $where: 'true' } as unknown as Filter)).toThrow(/Invalid field name/);
    expect(() => toMongoQuery({ $or: 'x' } as unknown as Filter)).toThrow(/Invalid field name/);
  });

  it('refuses values that are not scalars, and ranges on null or booleans', () => {
    expect(() => toMongoQuery({ tags: ['a'] } as unknown as Filter)).toThrow(/scalar/);
    expect(() => toMongoQuery({ tier: { $in: [{ $gt: '' }] } } as unknown as Filter)).toThrow(/\$in on "tier"/);
    expect(() => toMongoQuery({ tier: { $in: 'gold' } } as unknown as Filter)).toThrow(/needs an array/);
    expect(() => toMongoQuery({ age: { $gt: null } })).toThrow(/\$gt on "age" needs a number or a string/);
    expect(() => toMongoQuery({ vip: { $gte: true } })).toThrow(/needs a number or a string/);
    expect(() => toMongoQuery({ age: Number.NaN })).toThrow(/finite number/);
    expect(() => toMongoQuery({ name: { $prefix: 3 } } as unknown as Filter)).toThrow(/\$prefix on "name" needs a string/);
    expect(() => toMongoQuery({ vip: { $exists: 'yes' } } as unknown as Filter)).toThrow(/true or false/);
  });

  it('refuses malformed field names and the field kept for tombstones', () => {
    expect(() => toMongoQuery({ 'a..b': 1 })).toThrow(/Invalid field name/);
    expect(() => toMongoQuery({ 'a.$b': 1 })).toThrow(/Invalid field name/);
    expect(() => toMongoQuery({ _deleted: true })).toThrow(/reserved/);
  });
});
