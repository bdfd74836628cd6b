import { customerData, type CustomerState, type Identity } from '@c360/contacts-domain';
import { type Clock, type CommandContext, type KeyStore } from '@c360/kernel';
import { CLOCK, KEY_STORE, ReadModelErasure } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { stepContext } from '../command-steps';
import { CustomerStreams } from '../customers/customer-streams';
import { IdentityClaimKeys } from '../identities/identity-claim-keys';
import { IdentityClaims } from '../identities/identity-claims.service';

export interface ErasureResult {
  readonly customerId: string;
  readonly erasedAt: string;
  /** Customers merged into this one, erased with it (the same person). */
  readonly cascaded: readonly string[];
  readonly version: number;
  /** True when the read models had overwritten the customer's documents (and dropped the old bytes) before this answer. */
  readonly readModelsErased: boolean;
}

/**
 * Crypto-shredding, step by step, each step idempotent so that a retry (or the erasure-completion
 * processor after a crash) finishes what was started:
 * 1. the tombstone `customer-erased` (from now on every command is refused);
 * 2. the same for every customer currently merged into this one;
 * 3. the identity claims are released, so the e-mails and phones can be registered again;
 * 4. the customer's key is deleted: every personal field in every copy of the log becomes unreadable —
 *    including the tombstone's list of claim keys, so nothing links the erased id to a claim any more.
 * Claims go before the key because the list of claims to release is sealed with that key.
 * 5. the read models: the plaintext projections apply the tombstone (dropping personal fields) and the
 *    store drops the old bytes (WAL checkpoint) before the erasure answers (ReadModelErasure).
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly claims: IdentityClaims,
    private readonly claimKeys: IdentityClaimKeys,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readModels: ReadModelErasure,
  ) {}

  async erase(customerId: string, context: CommandContext, viaSurvivorId?: string): Promise<ErasureResult> {
    const { result, positions } = await this.eraseWithMerged(customerId, context, viaSurvivorId);
    const settled = await this.readModels.settle(positions.length > 0 ? Math.max(...positions) : undefined);
    return { ...result, readModelsErased: settled.applied };
  }

  private async eraseWithMerged(
    customerId: string,
    context: CommandContext,
    viaSurvivorId?: string,
  ): Promise<{ result: Omit<ErasureResult, 'readModelsErased'>; positions: number[] }> {
    const at = this.clock.now().toISOString();
    const before = customerData((await this.customers.load(customerId)).state);
    const identities: Identity[] = before
      ? [
          ...before.emails.map((value) => ({ kind: 'email' as const, value })),
          ...before.phones.map((value) => ({ kind: 'phone' as const, value })),
        ]
      : [];
    const releasedIdentities = await this.claimKeys.allKeysOf(identities);
    const result = await this.customers.handle(
      customerId,
      { type: 'erase', customerId, at, releasedIdentities, ...(viaSurvivorId ? { viaSurvivorId } : {}) },
      context,
    );
    const erased = result.state;
    if (erased.status !== 'erased') throw new TypeError(`Customer ${customerId} did not reach the erased state`);
    const cascaded: string[] = [];
    const positions = result.position === undefined ? [] : [result.position];
    for (const absorbedId of mergedInto(erased)) {
      const nested = await this.eraseWithMerged(absorbedId, stepContext(context, `erase/${absorbedId}`), customerId);
      cascaded.push(absorbedId, ...nested.result.cascaded);
      positions.push(...nested.positions);
    }
    await this.shred(customerId, erased.releasedIdentities, context);
    return { result: { customerId, erasedAt: erased.erasedAt, cascaded, version: result.revision }, positions };
  }

  /** Steps 3 and 4: safe to repeat any number of times (after step 4 the list reads empty: nothing left to release). */
  async shred(customerId: string, releasedIdentities: readonly string[], context: CommandContext): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const identity of releasedIdentities) await this.claims.releaseKey(identity, customerId, 'erased', at, context);
    await this.keys.delete(customerId);
  }
}

/** Customers merged into this one and not split off again when it was erased. */
export function mergedInto(state: CustomerState): string[] {
  if (state.status === 'none') return [];
  return state.mergeHistory.filter((record) => record.role === 'survivor' && !record.undoneAt).map((record) => record.otherCustomerId);
}
