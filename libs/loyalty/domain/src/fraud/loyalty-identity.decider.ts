import type { AggregateType, Decider } from '@c360/kernel';
import { normaliseInstant } from '../shared/time';

/**
 * An identity seen on purchases (payment fingerprint, device id), under a pseudonymous key (a hash
 * of kind and value: the raw value is never stored). Stream `loyalty-identity-<identityKey>`. When a
 * second customer shows up with the same identity, the event names the others so they can be flagged.
 */
export type IdentityKind = 'payment-fingerprint' | 'device-id';

export type IdentityCommand = {
  readonly type: 'observe-identity';
  readonly identityKey: string;
  readonly kind: IdentityKind;
  readonly customerId: string;
  readonly now: string;
};

export type IdentityEvent = {
  readonly type: 'loyalty.identity-observed';
  readonly data: {
    readonly identityKey: string;
    readonly kind: IdentityKind;
    readonly customerId: string;
    /** Customers seen with this identity before. */
    readonly otherCustomerIds: readonly string[];
    readonly observedAt: string;
  };
};

export type IdentityState = { readonly customerIds: readonly string[] };

export const loyaltyIdentityDecider: Decider<IdentityCommand, IdentityEvent, IdentityState> = {
  initialState: { customerIds: [] },
  decide(command, state) {
    if (state.customerIds.includes(command.customerId)) return [];
    return [
      {
        type: 'loyalty.identity-observed',
        data: {
          identityKey: command.identityKey,
          kind: command.kind,
          customerId: command.customerId,
          otherCustomerIds: [...state.customerIds],
          observedAt: normaliseInstant(command.now),
        },
      },
    ];
  },
  evolve(state, event) {
    return { customerIds: [...state.customerIds, event.data.customerId] };
  },
};

export const loyaltyIdentity: AggregateType<IdentityCommand, IdentityEvent, IdentityState> = {
  name: 'loyalty-identity',
  decider: loyaltyIdentityDecider,
  eventSchemas: { 'loyalty.identity-observed': 1 },
};
