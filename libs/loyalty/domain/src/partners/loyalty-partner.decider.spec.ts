import { deciderSpec } from '@c360/kernel/testing';
import { AGENT, SUPERVISOR } from '../testing/account-fixtures';
import { loyaltyPartnerDecider, type PartnerEvent } from './loyalty-partner.decider';

const spec = deciderSpec(loyaltyPartnerDecider);
const at = '2026-03-10T09:00:00.000Z';
const hash = (char: string) => char.repeat(64);
const registered: PartnerEvent = {
  type: 'loyalty.partner-registered',
  data: { partnerId: 'p-1', name: 'AirCo', keyHash: hash('a'), actorId: SUPERVISOR.id, registeredAt: at },
};

describe('coalition partners', () => {
  it('are registered by supervisors with a hashed key', () => {
    spec
      .given([])
      .when({ type: 'register-partner', partnerId: 'p-1', name: ' AirCo ', keyHash: hash('a'), actor: SUPERVISOR, now: at })
      .then([registered]);
    spec
      .given([])
      .when({ type: 'register-partner', partnerId: 'p-1', name: 'AirCo', keyHash: hash('a'), actor: AGENT, now: at })
      .thenThrows('loyalty.supervisor-required');
  });

  it('rotate their key, remembering the previous hash so it stops working', () => {
    spec
      .given([registered])
      .when({ type: 'rotate-partner-key', keyHash: hash('b'), actor: SUPERVISOR, now: at })
      .then([
        {
          type: 'loyalty.partner-key-rotated',
          data: { partnerId: 'p-1', keyHash: hash('b'), previousKeyHash: hash('a'), actorId: SUPERVISOR.id, rotatedAt: at },
        },
      ]);
  });

  it('can be deactivated once', () => {
    const deactivated: PartnerEvent = {
      type: 'loyalty.partner-deactivated',
      data: { partnerId: 'p-1', keyHash: hash('a'), actorId: SUPERVISOR.id, deactivatedAt: at },
    };
    spec.given([registered]).when({ type: 'deactivate-partner', actor: SUPERVISOR, now: at }).then([deactivated]);
    spec.given([registered, deactivated]).when({ type: 'deactivate-partner', actor: SUPERVISOR, now: at }).thenNothing();
    spec
      .given([registered, deactivated])
      .when({ type: 'rotate-partner-key', keyHash: hash('c'), actor: SUPERVISOR, now: at })
      .thenThrows('loyalty.partner-not-found');
  });
});
