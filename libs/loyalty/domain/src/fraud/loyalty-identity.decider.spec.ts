import { deciderSpec } from '@c360/kernel/testing';
import { loyaltyIdentityDecider, type IdentityCommand } from './loyalty-identity.decider';

const spec = deciderSpec(loyaltyIdentityDecider);
const observe = (customerId: string): IdentityCommand => ({
  type: 'observe-identity',
  identityKey: 'k1',
  kind: 'device-id',
  customerId,
  now: '2026-03-01T00:00:00.000Z',
});

describe('shared identities', () => {
  it('names the customers seen with the identity before', () => {
    const first = {
      type: 'loyalty.identity-observed' as const,
      data: {
        identityKey: 'k1',
        kind: 'device-id' as const,
        customerId: 'ann',
        otherCustomerIds: [],
        observedAt: '2026-03-01T00:00:00.000Z',
      },
    };
    spec.given([]).when(observe('ann')).then([first]);
    spec.given([first]).when(observe('ann')).thenNothing();
    spec
      .given([first])
      .when(observe('bob'))
      .thenEvents(([event]) => expect(event.data.otherCustomerIds).toEqual(['ann']));
  });
});
