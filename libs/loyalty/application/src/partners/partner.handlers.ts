import { DomainError, type DocumentStore } from '@c360/kernel';
import { LOYALTY_PARTNERS_COLLECTION, type PartnerDocument } from '@c360/loyalty-projections';
import { DOCUMENT_STORE, HandlesCommand, HandlesQuery, contextOf, type ICommandHandler, type IQueryHandler } from '@c360/runtime';
import { Inject } from '@nestjs/common';
import type { AccountResult, RedemptionResult } from '../accounts/account-results';
import { LoyaltyQueries } from '../accounts/loyalty-queries.service';
import { listPage, withoutStoreFields, type ListPage } from '../shared/list-page';
import { requireRole } from '../shared/require-role';
import { LoyaltyPartners, type SettlementReport } from './loyalty-partner.service';
import {
  AuthenticatePartner,
  BurnPartnerPoints,
  CancelPartnerBurn,
  DeactivatePartner,
  EarnPartnerPoints,
  GetPartnerMember,
  GetPartnerSettlement,
  ListPartners,
  RegisterPartner,
  RotatePartnerKey,
  type IssuedKey,
} from './partner.commands';

const OVERSIGHT = ['supervisor', 'auditor'] as const;

@HandlesCommand(RegisterPartner)
export class RegisterPartnerHandler implements ICommandHandler<RegisterPartner, IssuedKey> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: RegisterPartner): Promise<IssuedKey> {
    return this.partners.register(command.name, contextOf(command));
  }
}

@HandlesCommand(RotatePartnerKey)
export class RotatePartnerKeyHandler implements ICommandHandler<RotatePartnerKey, IssuedKey> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: RotatePartnerKey): Promise<IssuedKey> {
    return this.partners.rotateKey(command.partnerId, contextOf(command));
  }
}

@HandlesCommand(DeactivatePartner)
export class DeactivatePartnerHandler implements ICommandHandler<DeactivatePartner, { partnerId: string; version: number }> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: DeactivatePartner): Promise<{ partnerId: string; version: number }> {
    return this.partners.deactivate(command.partnerId, contextOf(command));
  }
}

@HandlesCommand(EarnPartnerPoints)
export class EarnPartnerPointsHandler implements ICommandHandler<EarnPartnerPoints, AccountResult> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: EarnPartnerPoints): Promise<AccountResult> {
    return this.partners.earn(command.partnerId, command.input, contextOf(command));
  }
}

@HandlesCommand(BurnPartnerPoints)
export class BurnPartnerPointsHandler implements ICommandHandler<BurnPartnerPoints, RedemptionResult> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: BurnPartnerPoints): Promise<RedemptionResult> {
    return this.partners.burn(command.partnerId, command.input, contextOf(command));
  }
}

@HandlesCommand(CancelPartnerBurn)
export class CancelPartnerBurnHandler implements ICommandHandler<CancelPartnerBurn, AccountResult> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(command: CancelPartnerBurn): Promise<AccountResult> {
    return this.partners.cancelBurn(command.partnerId, command.customerId, command.redemptionId, contextOf(command));
  }
}

@HandlesQuery(ListPartners)
export class ListPartnersHandler implements IQueryHandler<ListPartners, ListPage<PartnerDocument>> {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}
  async execute(query: ListPartners): Promise<ListPage<PartnerDocument>> {
    requireRole(query.viewer, OVERSIGHT);
    const page = await this.documents.find<PartnerDocument>(
      LOYALTY_PARTNERS_COLLECTION,
      {},
      {
        sort: { field: 'name', direction: 'asc' },
        limit: query.page.limit ?? 50,
        after: query.page.after,
      },
    );
    return listPage(page, withoutStoreFields);
  }
}

@HandlesQuery(GetPartnerSettlement)
export class GetPartnerSettlementHandler implements IQueryHandler<GetPartnerSettlement, SettlementReport> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(query: GetPartnerSettlement): Promise<SettlementReport> {
    const ownSettlement = query.viewer.role === 'partner' && query.viewer.id === query.partnerId;
    if (!ownSettlement) requireRole(query.viewer, OVERSIGHT);
    return this.partners.settlement(query.partnerId, query.from, query.to);
  }
}

@HandlesQuery(GetPartnerMember)
export class GetPartnerMemberHandler implements IQueryHandler<GetPartnerMember, { customerId: string; spendable: number; tier: string }> {
  constructor(private readonly queries: LoyaltyQueries) {}
  async execute(query: GetPartnerMember): Promise<{ customerId: string; spendable: number; tier: string }> {
    const view = await this.queries.balance(query.customerId);
    if (view.status !== 'active') throw new DomainError('loyalty.account-not-found', 'Not an active member', 'not-found');
    return { customerId: view.customerId, spendable: view.spendable, tier: view.tier.tier };
  }
}

@HandlesQuery(AuthenticatePartner)
export class AuthenticatePartnerHandler implements IQueryHandler<AuthenticatePartner, string | null> {
  constructor(private readonly partners: LoyaltyPartners) {}
  execute(query: AuthenticatePartner): Promise<string | null> {
    return this.partners.authenticate(query.apiKey);
  }
}

export const PARTNER_HANDLERS = [
  RegisterPartnerHandler,
  RotatePartnerKeyHandler,
  DeactivatePartnerHandler,
  EarnPartnerPointsHandler,
  BurnPartnerPointsHandler,
  CancelPartnerBurnHandler,
  ListPartnersHandler,
  GetPartnerSettlementHandler,
  GetPartnerMemberHandler,
  AuthenticatePartnerHandler,
];
