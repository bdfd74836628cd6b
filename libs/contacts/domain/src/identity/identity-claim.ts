import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';
import { ContactsErrors } from '../contacts-errors';
import type { IdentityKind } from '../values/identity-key';

/**
 * An e-mail or phone belongs to at most one active customer. Uniqueness across customer streams
 * needs a reservation: one claim aggregate per normalised identity, in stream
 * `contacts-identity-<sha256>` (no plaintext in stream names or claim events). The application
 * claims before it adds an identity to a customer and releases it on failure, removal or erasure.
 */

export type ClaimReleaseReason = 'removed' | 'erased' | 'compensation' | 'stale';

export type IdentityClaimEvent =
  | {
      readonly type: 'contacts.identity-claimed';
      readonly data: { readonly identity: string; readonly kind: IdentityKind; readonly customerId: string; readonly claimedAt: string };
    }
  | {
      readonly type: 'contacts.identity-released';
      readonly data: {
        readonly identity: string;
        readonly kind: IdentityKind;
        readonly customerId: string;
        readonly reason: ClaimReleaseReason;
        readonly releasedAt: string;
      };
    }
  | {
      readonly type: 'contacts.identity-transferred';
      readonly data: {
        readonly identity: string;
        readonly kind: IdentityKind;
        readonly fromCustomerId: string;
        readonly toCustomerId: string;
        readonly mergeId: string;
        readonly transferredAt: string;
      };
    };

export type IdentityClaimCommand =
  | {
      readonly type: 'claim';
      readonly identity: string;
      readonly kind: IdentityKind;
      readonly customerId: string;
      readonly at: string;
      /** The current holder, when the application verified its claim is stale (see claim-identity.handler). */
      readonly takeOverFrom?: string;
    }
  | {
      readonly type: 'release';
      readonly identity: string;
      readonly customerId: string;
      readonly reason: ClaimReleaseReason;
      readonly at: string;
    }
  | {
      readonly type: 'transfer';
      readonly identity: string;
      readonly fromCustomerId: string;
      readonly toCustomerId: string;
      readonly mergeId: string;
      readonly at: string;
    };

export type IdentityClaimState =
  | { readonly status: 'free' }
  | { readonly status: 'claimed'; readonly kind: IdentityKind; readonly customerId: string; readonly claimedAt: string };

export const identityClaimDecider: Decider<IdentityClaimCommand, IdentityClaimEvent, IdentityClaimState> = {
  initialState: { status: 'free' },
  decide(command, state) {
    switch (command.type) {
      case 'claim': {
        if (state.status === 'claimed' && state.customerId === command.customerId) return [];
        const claimed: IdentityClaimEvent = {
          type: 'contacts.identity-claimed',
          data: { identity: command.identity, kind: command.kind, customerId: command.customerId, claimedAt: command.at },
        };
        if (state.status === 'free') return [claimed];
        if (command.takeOverFrom !== state.customerId) throw ContactsErrors.identityTaken(state.kind, state.customerId);
        return [
          {
            type: 'contacts.identity-released',
            data: { identity: command.identity, kind: state.kind, customerId: state.customerId, reason: 'stale', releasedAt: command.at },
          },
          claimed,
        ];
      }
      case 'release':
        if (state.status !== 'claimed' || state.customerId !== command.customerId) return [];
        return [
          {
            type: 'contacts.identity-released',
            data: {
              identity: command.identity,
              kind: state.kind,
              customerId: command.customerId,
              reason: command.reason,
              releasedAt: command.at,
            },
          },
        ];
      case 'transfer':
        if (state.status === 'claimed' && state.customerId === command.toCustomerId) return [];
        if (state.status !== 'claimed' || state.customerId !== command.fromCustomerId) {
          throw new DomainError(
            'contacts.identity-not-held',
            `The identity is not held by customer ${command.fromCustomerId}`,
            'conflict',
            {
              customerId: command.fromCustomerId,
            },
          );
        }
        return [
          {
            type: 'contacts.identity-transferred',
            data: {
              identity: command.identity,
              kind: state.kind,
              fromCustomerId: command.fromCustomerId,
              toCustomerId: command.toCustomerId,
              mergeId: command.mergeId,
              transferredAt: command.at,
            },
          },
        ];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'contacts.identity-claimed':
        return { status: 'claimed', kind: event.data.kind, customerId: event.data.customerId, claimedAt: event.data.claimedAt };
      case 'contacts.identity-released':
        return state.status === 'claimed' && state.customerId === event.data.customerId ? { status: 'free' } : state;
      case 'contacts.identity-transferred':
        return { status: 'claimed', kind: event.data.kind, customerId: event.data.toCustomerId, claimedAt: event.data.transferredAt };
    }
  },
};

export const identityClaimAggregate: AggregateType<IdentityClaimCommand, IdentityClaimEvent, IdentityClaimState> = {
  name: 'contacts-identity',
  decider: identityClaimDecider,
  eventSchemas: { 'contacts.identity-claimed': 1, 'contacts.identity-released': 1, 'contacts.identity-transferred': 1 },
};

/** `contacts-identity-<sha256>`: the claim stream of an identity key (identity-key.ts). */
export function identityStream(identity: string): string {
  return streamName('contacts', 'identity', identity);
}
