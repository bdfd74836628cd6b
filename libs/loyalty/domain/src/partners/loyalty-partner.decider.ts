import { DomainError, type Actor, type AggregateType, type Decider } from '@c360/kernel';
import { requireSupervisor } from '../shared/actor';
import { normaliseInstant } from '../shared/time';

/**
 * A coalition partner (stream `loyalty-partner-<partnerId>`) with its own API key. Only the key's
 * SHA-256 is ever stored (the key is random and long, so a fast hash is enough); the key itself is
 * shown once, when issued.
 */
export type PartnerCommand =
  | {
      readonly type: 'register-partner';
      readonly partnerId: string;
      readonly name: string;
      readonly keyHash: string;
      readonly actor: Actor;
      readonly now: string;
    }
  | { readonly type: 'rotate-partner-key'; readonly keyHash: string; readonly actor: Actor; readonly now: string }
  | { readonly type: 'deactivate-partner'; readonly actor: Actor; readonly now: string };

export type PartnerEvent =
  | {
      readonly type: 'loyalty.partner-registered';
      readonly data: {
        readonly partnerId: string;
        readonly name: string;
        readonly keyHash: string;
        readonly actorId: string;
        readonly registeredAt: string;
      };
    }
  | {
      readonly type: 'loyalty.partner-key-rotated';
      readonly data: {
        readonly partnerId: string;
        readonly keyHash: string;
        readonly previousKeyHash: string;
        readonly actorId: string;
        readonly rotatedAt: string;
      };
    }
  | {
      readonly type: 'loyalty.partner-deactivated';
      readonly data: { readonly partnerId: string; readonly keyHash: string; readonly actorId: string; readonly deactivatedAt: string };
    };

export type PartnerState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'inactive'; readonly partnerId: string; readonly name: string; readonly keyHash: string };

const HASH = /^[0-9a-f]{64}$/;

export const loyaltyPartnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    requireSupervisor(command.actor, 'manage partners');
    const now = normaliseInstant(command.now);
    switch (command.type) {
      case 'register-partner': {
        if (state.status !== 'none') throw new DomainError('loyalty.partner-exists', 'The partner exists already', 'conflict');
        const name = command.name.trim();
        if (!name || name.length > 200)
          throw new DomainError('loyalty.invalid-partner', 'name must be 1-200 characters', 'invalid', { field: 'name' });
        if (!HASH.test(command.keyHash)) throw new Error('keyHash must be a SHA-256 hex digest');
        return [
          {
            type: 'loyalty.partner-registered',
            data: { partnerId: command.partnerId, name, keyHash: command.keyHash, actorId: command.actor.id, registeredAt: now },
          },
        ];
      }
      case 'rotate-partner-key':
        if (state.status !== 'active') throw new DomainError('loyalty.partner-not-found', 'No active partner', 'not-found');
        if (!HASH.test(command.keyHash)) throw new Error('keyHash must be a SHA-256 hex digest');
        return [
          {
            type: 'loyalty.partner-key-rotated',
            data: {
              partnerId: state.partnerId,
              keyHash: command.keyHash,
              previousKeyHash: state.keyHash,
              actorId: command.actor.id,
              rotatedAt: now,
            },
          },
        ];
      case 'deactivate-partner':
        if (state.status === 'none') throw new DomainError('loyalty.partner-not-found', 'No such partner', 'not-found');
        if (state.status === 'inactive') return [];
        return [
          {
            type: 'loyalty.partner-deactivated',
            data: { partnerId: state.partnerId, keyHash: state.keyHash, actorId: command.actor.id, deactivatedAt: now },
          },
        ];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'loyalty.partner-registered':
        return { status: 'active', partnerId: event.data.partnerId, name: event.data.name, keyHash: event.data.keyHash };
      case 'loyalty.partner-key-rotated':
        return state.status === 'none' ? state : { ...state, keyHash: event.data.keyHash };
      case 'loyalty.partner-deactivated':
        return state.status === 'none' ? state : { ...state, status: 'inactive' };
    }
  },
};

export const loyaltyPartner: AggregateType<PartnerCommand, PartnerEvent, PartnerState> = {
  name: 'loyalty-partner',
  decider: loyaltyPartnerDecider,
  eventSchemas: { 'loyalty.partner-registered': 1, 'loyalty.partner-key-rotated': 1, 'loyalty.partner-deactivated': 1 },
};
