import { customerSearchFilter } from './customer-search-filter';

describe('the read-model filter of a customer search', () => {
  it('lists active customers by name when nothing is asked', () => {
    expect(customerSearchFilter({ limit: 20 }, 'NO')).toEqual({
      filter: { status: 'active' },
      sort: { field: 'sortName', direction: 'asc' },
    });
  });

  it('folds the name prefix as the stored keys are folded', () => {
    expect(customerSearchFilter({ name: 'Bjørn SÆ', limit: 20 }, 'NO').filter).toEqual({ status: 'active', nameKeys: 'bjorn sae' });
  });

  it('turns the filters into conditions: tag, referrer, registration range (from inclusive, to exclusive), status', () => {
    const { filter, sort } = customerSearchFilter(
      {
        status: 'merged',
        tag: 'vip',
        referrerId: 'r',
        createdFrom: '2026-03-01',
        createdTo: '2026-03-02T12:00:00+01:00',
        sort: 'created',
        limit: 5,
      },
      'NO',
    );
    expect(filter).toEqual({
      status: 'merged',
      'profile.tags': 'vip',
      referrerId: 'r',
      registeredAt: { $gte: '2026-03-01T00:00:00.000Z', $lt: '2026-03-02T11:00:00.000Z' },
    });
    expect(sort).toEqual({ field: 'registeredAt', direction: 'asc' });
  });

  it('reads a phone in any digit system as E.164', () => {
    expect(customerSearchFilter({ phone: '๐๘๑ ๒๓๔ ๕๖๗๘', defaultRegion: 'TH', limit: 1 }, 'NO').filter).toEqual({
      status: 'active',
      phones: '+66812345678',
    });
  });

  it('refuses more than one of name, e-mail and phone, and a name without a letter', () => {
    expect(() => customerSearchFilter({ name: 'a', email: 'a@example.com', limit: 1 }, 'NO')).toThrow(
      expect.objectContaining({ code: 'contacts.invalid-search' }),
    );
    expect(() => customerSearchFilter({ name: ' - ', limit: 1 }, 'NO')).toThrow(
      expect.objectContaining({ code: 'contacts.invalid-search' }),
    );
  });
});
