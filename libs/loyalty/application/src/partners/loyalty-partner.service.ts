import {
  CommandHandler,
  DomainError,
  deriveId,
  streamName,
  type Clock,
  type CommandContext,
  type DocumentStore,
  type IdGenerator,
} from '@c360/kernel';
import { loyaltyPartner } from '@c360/loyalty-domain';
import {
  LOYALTY_PARTNER_CREDENTIALS_COLLECTION,
  LOYALTY_PARTNER_SETTLEMENT_COLLECTION,
  type PartnerCredentialDocument,
  type PartnerSettlementDocument,
} from '@c360/loyalty-projections';
import { CLOCK, DOCUMENT_STORE, ID_GENERATOR } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { accountResult, type AccountResult, type RedemptionResult } from '../accounts/account-results';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { redemptionResult } from '../accounts/loyalty-member-commands';

export function partnerStream(partnerId: string): string {
  return streamName('loyalty', 'partner', partnerId);
}

/** SHA-256 of a partner key: what is stored and looked up (keys are 256 random bits). */
export function hashPartnerKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export interface SettlementReport {
  readonly partnerId: string;
  readonly from: string;
  readonly to: string;
  /** Points the partner credited to members. */
  readonly issued: number;
  /** Points members redeemed with the partner (net of cancelled redemptions). */
  readonly redeemed: number;
  /** issued − redeemed: what the partner owes the programme (negative: what it is owed). */
  readonly net: number;
  readonly days: readonly { readonly day: string; readonly issued: number; readonly redeemed: number }[];
}

/** Coalition partners: credentials, earning and burning points for shared members, settlement. */
@Injectable()
export class LoyaltyPartners {
  constructor(
    private readonly commands: CommandHandler,
    private readonly accounts: LoyaltyAccountService,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  private newKey(): string {
    return `lpk_${randomBytes(32).toString('base64url')}`;
  }

  /** Registers a partner; the API key is returned this once and never stored. */
  async register(name: string, context: CommandContext): Promise<{ partnerId: string; apiKey: string; version: number }> {
    // From the command id, so a repeat with the same Idempotency-Key finds the first registration's stream
    // (a fresh id each time made the repeat collide with the first one's event ids: a 409 naming an event id).
    const partnerId = deriveId(`loyalty/partner/${context.commandId}`);
    const apiKey = this.newKey();
    const result = await this.commands.handle(
      loyaltyPartner,
      partnerStream(partnerId),
      {
        type: 'register-partner',
        partnerId,
        name,
        keyHash: hashPartnerKey(apiKey),
        actor: context.actor,
        now: this.clock.now().toISOString(),
      },
      context,
    );
    if (result.duplicate)
      throw new DomainError('loyalty.key-already-issued', 'This request issued a key before; it is shown only once', 'conflict');
    return { partnerId, apiKey, version: result.revision };
  }

  async rotateKey(partnerId: string, context: CommandContext): Promise<{ partnerId: string; apiKey: string; version: number }> {
    const apiKey = this.newKey();
    const result = await this.commands.handle(
      loyaltyPartner,
      partnerStream(partnerId),
      { type: 'rotate-partner-key', keyHash: hashPartnerKey(apiKey), actor: context.actor, now: this.clock.now().toISOString() },
      context,
    );
    if (result.duplicate)
      throw new DomainError('loyalty.key-already-issued', 'This request issued a key before; it is shown only once', 'conflict');
    return { partnerId, apiKey, version: result.revision };
  }

  async deactivate(partnerId: string, context: CommandContext): Promise<{ partnerId: string; version: number }> {
    const result = await this.commands.handle(
      loyaltyPartner,
      partnerStream(partnerId),
      { type: 'deactivate-partner', actor: context.actor, now: this.clock.now().toISOString() },
      context,
    );
    return { partnerId, version: result.revision };
  }

  /** The partner a presented key belongs to, or null. */
  async authenticate(apiKey: string): Promise<string | null> {
    const credential = await this.documents.get<PartnerCredentialDocument>(LOYALTY_PARTNER_CREDENTIALS_COLLECTION, hashPartnerKey(apiKey));
    return credential?.active ? credential.partnerId : null;
  }

  async earn(
    partnerId: string,
    input: { customerId: string; points: number; reference: string },
    context: CommandContext,
  ): Promise<AccountResult> {
    const write = await this.accounts.execute(
      input.customerId,
      ({ now, program, customerId }) => ({
        type: 'earn-from-partner',
        customerId,
        partnerId,
        reference: input.reference,
        points: input.points,
        now,
        program,
      }),
      context,
      { followMerges: true, requireCustomer: true },
    );
    return accountResult(write);
  }

  async burn(
    partnerId: string,
    input: { customerId: string; points: number; reference: string },
    context: CommandContext,
  ): Promise<RedemptionResult> {
    const redemptionId = this.ids.next();
    const write = await this.accounts.execute(
      input.customerId,
      ({ now, program }) => ({
        type: 'redeem-points',
        redemptionId,
        points: input.points,
        purpose: { kind: 'partner', partnerId, reference: input.reference },
        now,
        program,
      }),
      context,
      { followMerges: true, requireCustomer: true },
    );
    return redemptionResult(write, redemptionId);
  }

  /** A partner may cancel only its own redemptions. */
  async cancelBurn(partnerId: string, customerId: string, redemptionId: string, context: CommandContext): Promise<AccountResult> {
    const { state } = await this.accounts.load(customerId);
    const record = state.status === 'none' ? undefined : state.redemptions.find((candidate) => candidate.redemptionId === redemptionId);
    if (!record || record.purpose.kind !== 'partner' || record.purpose.partnerId !== partnerId) {
      throw new DomainError('loyalty.redemption-not-found', `No redemption ${redemptionId} of this partner`, 'not-found');
    }
    return accountResult(
      await this.accounts.execute(customerId, ({ now, program }) => ({ type: 'cancel-redemption', redemptionId, now, program }), context),
    );
  }

  /** Issued, redeemed and net per partner over the UTC days from..to (inclusive). */
  async settlement(partnerId: string, from: string, to: string): Promise<SettlementReport> {
    if (to < from) throw new DomainError('loyalty.invalid-period', 'to must not be before from', 'invalid', { field: 'to' });
    const days: { day: string; issued: number; redeemed: number }[] = [];
    let after: string | undefined;
    do {
      const page = await this.documents.find<PartnerSettlementDocument>(
        LOYALTY_PARTNER_SETTLEMENT_COLLECTION,
        { partnerId, day: { $gte: from, $lte: to } },
        { sort: { field: 'day', direction: 'asc' }, limit: 1_000, after },
      );
      for (const doc of page.items) days.push({ day: doc.day, issued: doc.issued, redeemed: doc.redeemed - doc.reversed });
      after = page.nextCursor;
    } while (after);
    const issued = days.reduce((sum, day) => sum + day.issued, 0);
    const redeemed = days.reduce((sum, day) => sum + day.redeemed, 0);
    return { partnerId, from, to, issued, redeemed, net: issued - redeemed, days };
  }
}
