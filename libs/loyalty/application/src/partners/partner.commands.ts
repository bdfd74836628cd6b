import type { Actor, CommandContext } from '@c360/kernel';
import type { PartnerDocument } from '@c360/loyalty-projections';
import { ContextCommand, ContextQuery } from '@c360/runtime';
import type { AccountResult, RedemptionResult } from '../accounts/account-results';
import type { ListPage } from '../shared/list-page';
import type { SettlementReport } from './loyalty-partner.service';

/** Coalition partners: supervisors manage them; partners earn and burn points for shared members with their key. */

export interface IssuedKey {
  readonly partnerId: string;
  /** Shown this once; only its hash is stored. */
  readonly apiKey: string;
  readonly version: number;
}

export class RegisterPartner extends ContextCommand<IssuedKey> {
  constructor(
    readonly name: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RotatePartnerKey extends ContextCommand<IssuedKey> {
  constructor(
    readonly partnerId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class DeactivatePartner extends ContextCommand<{ partnerId: string; version: number }> {
  constructor(
    readonly partnerId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export interface PartnerPointsInput {
  readonly customerId: string;
  readonly points: number;
  readonly reference: string;
}

export class EarnPartnerPoints extends ContextCommand<AccountResult> {
  constructor(
    readonly partnerId: string,
    readonly input: PartnerPointsInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class BurnPartnerPoints extends ContextCommand<RedemptionResult> {
  constructor(
    readonly partnerId: string,
    readonly input: PartnerPointsInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** A partner may cancel only its own redemptions. */
export class CancelPartnerBurn extends ContextCommand<AccountResult> {
  constructor(
    readonly partnerId: string,
    readonly customerId: string,
    readonly redemptionId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Supervisors' and auditors' partner list. */
export class ListPartners extends ContextQuery<ListPage<PartnerDocument>> {
  constructor(
    readonly viewer: Actor,
    readonly page: { readonly limit?: number; readonly after?: string },
  ) {
    super();
  }
}

/** A partner's settlement over UTC days: for supervisors and auditors, or the partner itself. */
export class GetPartnerSettlement extends ContextQuery<SettlementReport> {
  constructor(
    readonly viewer: Actor,
    readonly partnerId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

/** What a partner may see of a shared member: enough to offer a burn. */
export class GetPartnerMember extends ContextQuery<{ customerId: string; spendable: number; tier: string }> {
  constructor(readonly customerId: string) {
    super();
  }
}

/** The partner a presented key belongs to, or null (the partner API's guard asks). */
export class AuthenticatePartner extends ContextQuery<string | null> {
  constructor(readonly apiKey: string) {
    super();
  }
}
