import {
  ContactsErrors,
  customerData,
  identityClaimAggregate,
  identityStream,
  type ClaimReleaseReason,
  type Identity,
} from '@c360/contacts-domain';
import { isDomainError, CommandHandler, type CommandContext } from '@c360/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { freshStepContext } from '../command-steps';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';
import { CustomerStreams } from '../customers/customer-streams';
import { IdentityClaimKeys } from './identity-claim-keys';

/**
 * Reservations that keep an e-mail or phone with at most one active customer. A request claims an
 * identity before it writes it to a customer stream and releases it when that write fails. A crash
 * between the two leaves a claim its customer never confirmed: such a claim is taken over once it is
 * older than the grace period, or at once when its holder was erased. Claim streams are named by a keyed
 * hash (IdentityClaimKeys); claims under an older key version still count until that version is retired.
 */
@Injectable()
export class IdentityClaims {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
    private readonly customers: CustomerStreams,
    private readonly claimKeys: IdentityClaimKeys,
  ) {}

  /** Claims for the customer; true when this call took the claim (false: it already held it). */
  async claim(identity: Identity, customerId: string, at: string, context: CommandContext, field?: string): Promise<boolean> {
    const keyed = await this.claimKeys.keyOf(identity);
    for (const older of keyed.previous) await this.refuseIfHeldElsewhere(identity, older, customerId, at, context, field);
    return this.claimUnder(identity, keyed.current, customerId, at, context, field);
  }

  /** Releases the identity's claims under every key version the customer holds it under. */
  async release(identity: Identity, customerId: string, reason: ClaimReleaseReason, at: string, context: CommandContext): Promise<void> {
    const keyed = await this.claimKeys.keyOf(identity);
    for (const key of [keyed.current, ...keyed.previous]) await this.releaseKey(key, customerId, reason, at, context);
  }

  private async claimUnder(
    identity: Identity,
    key: string,
    customerId: string,
    at: string,
    context: CommandContext,
    field?: string,
  ): Promise<boolean> {
    const command = { type: 'claim', identity: key, kind: identity.kind, customerId, at } as const;
    try {
      const result = await this.commands.handle(identityClaimAggregate, identityStream(key), command, freshStepContext(context));
      return result.events.length > 0;
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'contacts.identity-taken') throw error;
      const holder = String(error.details.existingCustomerId);
      const verdict = await this.holderVerdict(identity, holder, key, at);
      if (verdict.stale) {
        const takeOver = { ...command, takeOverFrom: holder };
        await this.commands.handle(identityClaimAggregate, identityStream(key), takeOver, freshStepContext(context));
        return true;
      }
      throw ContactsErrors.identityTaken(identity.kind, verdict.owner, field);
    }
  }

  /** Releases one claim stream by its key (an erasure knows only the keys its tombstone recorded). */
  async releaseKey(
    identityKeyValue: string,
    customerId: string,
    reason: ClaimReleaseReason,
    at: string,
    context: CommandContext,
  ): Promise<void> {
    await this.commands.handle(
      identityClaimAggregate,
      identityStream(identityKeyValue),
      { type: 'release', identity: identityKeyValue, customerId, reason, at },
      freshStepContext(context),
    );
  }

  /** Moves a claim between customers (merge and undo); a claim the giver does not hold is left alone. */
  async transfer(
    identity: Identity,
    fromCustomerId: string,
    toCustomerId: string,
    mergeId: string,
    at: string,
    context: CommandContext,
  ): Promise<void> {
    const keyed = await this.claimKeys.keyOf(identity);
    // Claims under older key versions move too (best effort: the giver may hold only the current one).
    for (const older of keyed.previous) await this.transferKey(older, fromCustomerId, toCustomerId, mergeId, at, context);
    if (!(await this.transferKey(keyed.current, fromCustomerId, toCustomerId, mergeId, at, context))) {
      await this.claim(identity, toCustomerId, at, context);
    }
  }

  /** False when the giver does not hold the claim under this key. */
  private async transferKey(
    key: string,
    fromCustomerId: string,
    toCustomerId: string,
    mergeId: string,
    at: string,
    context: CommandContext,
  ): Promise<boolean> {
    try {
      await this.commands.handle(
        identityClaimAggregate,
        identityStream(key),
        { type: 'transfer', identity: key, fromCustomerId, toCustomerId, mergeId, at },
        freshStepContext(context),
      );
      return true;
    } catch (error) {
      if (isDomainError(error) && error.code === 'contacts.identity-not-held') return false;
      throw error;
    }
  }

  /** A claim under an older key version by another customer still makes the identity taken (unless stale). */
  private async refuseIfHeldElsewhere(
    identity: Identity,
    key: string,
    customerId: string,
    at: string,
    context: CommandContext,
    field?: string,
  ): Promise<void> {
    const { state } = await this.commands.load(identityClaimAggregate, identityStream(key));
    if (state.status !== 'claimed' || state.customerId === customerId) return;
    const verdict = await this.holderVerdict(identity, state.customerId, key, at);
    if (!verdict.stale) throw ContactsErrors.identityTaken(identity.kind, verdict.owner, field);
    await this.releaseKey(key, state.customerId, 'stale', at, context);
  }

  /** Whether the holder's claim still stands, and who owns the identity if it does. */
  private async holderVerdict(identity: Identity, holder: string, key: string, at: string): Promise<{ stale: boolean; owner: string }> {
    const { state } = await this.customers.load(holder);
    if (state.status === 'erased') return { stale: true, owner: holder };
    const data = customerData(state);
    const holds = data !== undefined && (identity.kind === 'email' ? data.emails : data.phones).includes(identity.value);
    const owner = state.status === 'merged' ? state.survivorId : holder;
    if (holds) return { stale: false, owner };
    const claim = await this.commands.load(identityClaimAggregate, identityStream(key));
    const claimedAt = claim.state.status === 'claimed' ? Date.parse(claim.state.claimedAt) : 0;
    return { stale: Date.parse(at) - claimedAt >= this.options.claimGraceMs, owner };
  }
}
