import { deciderSpec } from '@c360/kernel/testing';
import { referralCodeFor } from '../referral/referral-code';
import { ANN, BO, T0, registered } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';

const spec = deciderSpec(customerDecider);

describe('customer registration', () => {
  it('registers with normalised e-mails and E.164 phones, and a referral code derived from the id', () => {
    spec
      .given([])
      .when({
        type: 'register',
        customerId: ANN,
        at: T0,
        name: { first: ' Ann ', last: 'Lee' },
        emails: ['Ann@Example.COM', 'ann@example.com'],
        phones: ['912 34 567', '+47 912 34 567'],
        tags: ['vip', 'VIP', 'newsletter'],
        preferredLanguage: 'en-gb',
        acquisitionSource: 'Web-Signup',
        attributes: { shoeSize: 38 },
      })
      .then([
        {
          type: 'contacts.customer-registered',
          data: {
            customerId: ANN,
            registeredAt: T0,
            acquisitionSource: 'web-signup',
            referralCode: referralCodeFor(ANN),
            preferredLanguage: 'en-GB',
            tags: ['newsletter', 'vip'],
            name: { first: 'Ann', last: 'Lee' },
            emails: ['ann@example.com'],
            phones: ['+4791234567'],
            attributes: { shoeSize: 38 },
          },
        },
      ]);
  });

  it('parses phones without a country code in the region given with the request', () => {
    spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, phones: ['070-123 45 67'], defaultRegion: 'SE' })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ phones: ['+46701234567'] }));
  });

  it('refuses an invalid e-mail or phone, naming the field', () => {
    const error = spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, emails: ['ok@example.com', 'nope'] })
      .thenThrows('contacts.invalid-email', 'invalid');
    expect(error.details).toEqual({ field: 'emails.1' });
    spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, phones: ['123'] })
      .thenThrows('contacts.invalid-phone', 'invalid');
  });

  it('needs a name, an e-mail or a phone', () => {
    spec.given([]).when({ type: 'register', customerId: ANN, at: T0 }).thenThrows('contacts.empty-profile', 'invalid');
  });

  it('refuses a second registration of the same customer', () => {
    spec
      .given([registered(ANN)])
      .when({ type: 'register', customerId: ANN, at: T0, name: { first: 'Ann' } })
      .thenThrows('contacts.customer-exists', 'conflict');
  });

  it('refuses a birthday in the future or a bad language tag', () => {
    spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, name: { first: 'Ann' }, birthday: '2030-01-01' })
      .thenThrows('contacts.invalid-birthday');
    spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, name: { first: 'Ann' }, birthday: '1990-02-30' })
      .thenThrows('contacts.invalid-birthday');
    spec
      .given([])
      .when({ type: 'register', customerId: ANN, at: T0, name: { first: 'Ann' }, preferredLanguage: 'english' })
      .thenThrows('contacts.invalid-language');
  });

  it('records the referrer at registration, but never oneself', () => {
    spec
      .given([])
      .when({ type: 'register', customerId: BO, at: T0, name: { first: 'Bo' }, referrerId: ANN })
      .thenEvents((events) =>
        expect(events[1]).toEqual({ type: 'contacts.customer-referred', data: { customerId: BO, referrerId: ANN, referredAt: T0 } }),
      );
    spec
      .given([])
      .when({ type: 'register', customerId: BO, at: T0, name: { first: 'Bo' }, referrerId: BO })
      .thenThrows('contacts.self-referral');
  });

  it('records identities taken by another customer as a suspected duplicate, not as its own', () => {
    spec
      .given([])
      .when({
        type: 'register',
        customerId: BO,
        at: T0,
        name: { first: 'Bo' },
        duplicates: [
          {
            otherCustomerId: ANN,
            identities: [
              { kind: 'email', value: 'ann@example.com' },
              { kind: 'phone', value: '+4791234567' },
            ],
          },
        ],
      })
      .thenEvents((events) => {
        expect(events[0].data).toMatchObject({ emails: [], phones: [] });
        expect(events[1]).toEqual({
          type: 'contacts.duplicate-suspected',
          data: {
            customerId: BO,
            otherCustomerId: ANN,
            reasons: ['same-email', 'same-phone'],
            suspectedAt: T0,
            identities: [
              { kind: 'email', value: 'ann@example.com' },
              { kind: 'phone', value: '+4791234567' },
            ],
          },
        });
      });
  });

  it('refuses an identity that is both claimed and contested', () => {
    spec
      .given([])
      .when({
        type: 'register',
        customerId: BO,
        at: T0,
        emails: ['ann@example.com'],
        duplicates: [{ otherCustomerId: ANN, identities: [{ kind: 'email', value: 'ann@example.com' }] }],
      })
      .thenThrows('contacts.invalid-duplicate');
  });

  it('is active after registration', () => {
    expect(spec.given([registered(ANN)]).state()).toMatchObject({
      status: 'active',
      customerId: ANN,
      emails: ['ann@example.com'],
      profile: { name: { first: 'Ann', last: 'Lee' } },
    });
  });
});
