import { deciderSpec } from '@c360/kernel/testing';
import { ANN, T0, T1, registered } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';

const spec = deciderSpec(customerDecider);

describe('customer profile updates', () => {
  it('records only the fields that change', () => {
    spec
      .given([registered(ANN, { company: 'Acme', tags: ['vip'] })])
      .when({
        type: 'update-profile',
        customerId: ANN,
        at: T1,
        changes: {
          name: { first: 'Ann', last: 'Lee' },
          company: 'Globex',
          tags: ['vip'],
          birthday: '1990-05-17',
          attributes: { shoeSize: 39 },
        },
      })
      .then([
        {
          type: 'contacts.profile-updated',
          data: { customerId: ANN, updatedAt: T1, company: 'Globex', birthday: '1990-05-17', attributes: { shoeSize: 39 } },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    spec
      .given([registered(ANN, { company: 'Acme' })])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { company: 'Acme' } })
      .thenNothing();
  });

  it('clears a field with null and removes an attribute set to null', () => {
    const given = [registered(ANN, { company: 'Acme', attributes: { shoeSize: 38, pet: 'cat' } })];
    spec
      .given(given)
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { company: null, attributes: { pet: null, colour: 'red' } } })
      .then([
        {
          type: 'contacts.profile-updated',
          data: { customerId: ANN, updatedAt: T1, company: null, attributes: { pet: null, colour: 'red' } },
        },
      ]);
    const state = spec
      .given([
        ...given,
        {
          type: 'contacts.profile-updated',
          data: { customerId: ANN, updatedAt: T1, company: null, attributes: { pet: null, colour: 'red' } },
        },
      ])
      .state();
    expect(state).toMatchObject({ profile: { attributes: { shoeSize: 38, colour: 'red' } } });
    expect(state.status === 'active' && state.profile.company).toBeUndefined();
  });

  it('refuses an empty update and invalid values', () => {
    spec
      .given([registered(ANN)])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: {} })
      .thenThrows('contacts.nothing-to-update');
    spec
      .given([registered(ANN)])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { name: { first: '' } } })
      .thenThrows('contacts.invalid-name');
    spec
      .given([registered(ANN)])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { attributes: { 'bad key': 1 } } })
      .thenThrows('contacts.invalid-attributes');
    spec
      .given([registered(ANN)])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { tags: ['Not A Slug'] } })
      .thenThrows('contacts.invalid-code');
  });

  it('keeps a name while the customer has no e-mail or phone', () => {
    spec
      .given([registered(ANN, { emails: [] })])
      .when({ type: 'update-profile', customerId: ANN, at: T1, changes: { name: null } })
      .thenThrows('contacts.empty-profile');
  });

  it('answers 404 for an unknown customer', () => {
    spec
      .given([])
      .when({ type: 'update-profile', customerId: ANN, at: T0, changes: { company: 'X' } })
      .thenThrows('contacts.customer-not-found', 'not-found');
  });
});
