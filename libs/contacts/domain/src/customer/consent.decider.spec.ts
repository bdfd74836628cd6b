import { deciderSpec } from '@c360/kernel/testing';
import { consentValidAt, type ConsentEntry } from '../consent/consent';
import { ANN, T0, T1, T2, T3, granted, registered, revoked } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';

const spec = deciderSpec(customerDecider);
const grant = (effectiveAt: string, at = T3) =>
  ({ type: 'grant-consent', customerId: ANN, at, effectiveAt, channel: 'email', purpose: 'marketing', source: 'Web-Form' }) as const;
const revoke = (effectiveAt: string, at = T3) =>
  ({
    type: 'revoke-consent',
    customerId: ANN,
    at,
    effectiveAt,
    channel: 'email',
    purpose: 'marketing',
    source: 'unsubscribe-link',
  }) as const;

describe('consent per channel and purpose', () => {
  it('grants with source and time', () => {
    spec
      .given([registered(ANN)])
      .when(grant(T1))
      .then([
        {
          type: 'contacts.consent-granted',
          data: { customerId: ANN, channel: 'email', purpose: 'marketing', source: 'web-form', grantedAt: T1 },
        },
      ]);
  });

  it('revokes what was granted', () => {
    spec
      .given([registered(ANN), granted(ANN, 'email', T1)])
      .when(revoke(T2))
      .then([
        {
          type: 'contacts.consent-revoked',
          data: { customerId: ANN, channel: 'email', purpose: 'marketing', source: 'unsubscribe-link', revokedAt: T2 },
        },
      ]);
  });

  it('records nothing when granting what is granted or revoking what is not', () => {
    spec
      .given([registered(ANN), granted(ANN, 'email', T1)])
      .when(grant(T2))
      .thenNothing();
    spec
      .given([registered(ANN)])
      .when(revoke(T2))
      .thenNothing();
  });

  it('keeps each channel and purpose apart', () => {
    spec
      .given([registered(ANN), granted(ANN, 'sms', T1)])
      .when(grant(T2))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses a decision dated in the future, or before the previous decision', () => {
    spec
      .given([registered(ANN)])
      .when(grant(T2, T1))
      .thenThrows('contacts.consent-in-future');
    spec
      .given([registered(ANN), granted(ANN, 'email', T2)])
      .when(revoke(T1))
      .thenThrows('contacts.consent-out-of-order');
  });

  it('refuses an unknown channel and a free-text source', () => {
    spec
      .given([registered(ANN)])
      .when({ ...grant(T1), channel: 'fax' as 'email' })
      .thenThrows('contacts.invalid-channel');
    spec
      .given([registered(ANN)])
      .when({ ...grant(T1), source: 'she said yes on the phone' })
      .thenThrows('contacts.invalid-code');
  });

  it('needs an active customer', () => {
    spec.given([]).when(grant(T1)).thenThrows('contacts.customer-not-found', 'not-found');
  });
});

describe('consent valid at a time t (granted before t, not revoked before t)', () => {
  const history: ConsentEntry[] = [
    { channel: 'email', purpose: 'marketing', granted: true, source: 'web', at: T1 },
    { channel: 'email', purpose: 'marketing', granted: false, source: 'link', at: T2 },
    { channel: 'sms', purpose: 'marketing', granted: true, source: 'store', at: T0 },
  ];

  it.each([
    ['before any grant', T0, false],
    ['at the grant', T1, true],
    ['between grant and revocation', '2026-03-02T23:59:59.999Z', true],
    ['at the revocation', T2, false],
    ['after the revocation', T3, false],
  ])('%s', (_label, t, valid) => {
    expect(consentValidAt(history, 'email', 'marketing', t).valid).toBe(valid);
  });

  it('says which decision answered', () => {
    expect(consentValidAt(history, 'email', 'marketing', T1).decidedBy).toMatchObject({ source: 'web', at: T1 });
    expect(consentValidAt(history, 'email', 'service', T3)).toEqual({ valid: false });
  });

  it('lets a revocation win over a grant at the same instant', () => {
    const same: ConsentEntry[] = [
      { channel: 'push', purpose: 'service', granted: true, source: 'app', at: T1 },
      { channel: 'push', purpose: 'service', granted: false, source: 'app', at: T1 },
    ];
    expect(consentValidAt(same, 'push', 'service', T2).valid).toBe(false);
  });

  it('keeps the latest decision in the state', () => {
    expect(spec.given([registered(ANN), granted(ANN, 'email', T1), revoked(ANN, 'email', T2)]).state()).toMatchObject({
      consents: { 'email:marketing': { granted: false, source: 'web', at: T2 } },
    });
  });
});
