import type { Actor } from '@c360/kernel';
import type { AccountCommand } from '../account/account.commands';
import type { AccountEvent } from '../account/account.events';
import { evolveAccount } from '../account/account.evolve';
import type { Account, AccountState } from '../account/account.types';
import { loyaltyAccountDecider } from '../account/loyalty-account.decider';
import { DEFAULT_PROGRAM_SETTINGS, type ProgramSettings } from '../program/program-settings';
import type { PurchaseFacts, RefundFacts } from '../rules/purchase-facts';

/** Builders for account specs: histories are made by running real commands, so they stay valid as rules evolve. */

export const CUSTOMER = 'cust-1';
export const OTHER = 'cust-2';
export const PROGRAM: ProgramSettings = DEFAULT_PROGRAM_SETTINGS;
export const SUPERVISOR: Actor = { id: 'sup-1', role: 'supervisor' };
export const AGENT: Actor = { id: 'agent-1', role: 'agent' };

export function withProgram(change: (program: ProgramSettings) => Partial<ProgramSettings>): ProgramSettings {
  return { ...PROGRAM, ...change(PROGRAM) };
}

export function purchase(purchaseId: string, total: number, purchasedAt: string, lines: PurchaseFacts['lines'] = []): PurchaseFacts {
  return { purchaseId, orderId: `order-${purchaseId}`, channel: 'web', lines, total, currency: 'EUR', purchasedAt };
}

export function refund(
  refundId: string,
  purchaseId: string,
  amount: number,
  refundedAt: string,
  options: Partial<RefundFacts> = {},
): RefundFacts {
  return { refundId, purchaseId, amount, currency: 'EUR', lines: [], refundedAt, fullyRefunded: false, ...options };
}

export const enrol = (now: string, customerId = CUSTOMER): AccountCommand => ({ type: 'enrol', customerId, now, source: 'api' });

export const earn = (facts: PurchaseFacts, now: string, program = PROGRAM, customerId = CUSTOMER): AccountCommand => ({
  type: 'earn-for-purchase',
  customerId,
  purchase: facts,
  now,
  program,
});

export const redeem = (redemptionId: string, points: number, now: string, program = PROGRAM): AccountCommand => ({
  type: 'redeem-points',
  redemptionId,
  points,
  purpose: { kind: 'points', reference: null },
  now,
  program,
});

export const credit = (adjustmentId: string, points: number, now: string, program = PROGRAM): AccountCommand => ({
  type: 'adjust-points',
  adjustmentId,
  points,
  reason: 'goodwill',
  reference: null,
  actor: SUPERVISOR,
  now,
  program,
});

export const due = (now: string, program = PROGRAM): AccountCommand => ({ type: 'process-due-items', now, program });

/** Runs commands one after the other and returns every event they produced (the "given" of a spec). */
export function history(...commands: AccountCommand[]): AccountEvent[] {
  let state: AccountState = loyaltyAccountDecider.initialState;
  const events: AccountEvent[] = [];
  for (const command of commands) {
    const produced = loyaltyAccountDecider.decide(command, state);
    for (const event of produced) state = evolveAccount(state, event);
    events.push(...produced);
  }
  return events;
}

export function stateOf(events: readonly AccountEvent[]): Account {
  const state = events.reduce<AccountState>(evolveAccount, loyaltyAccountDecider.initialState);
  if (state.status === 'none') throw new Error('not enrolled');
  return state;
}

export function decide(events: readonly AccountEvent[], command: AccountCommand): readonly AccountEvent[] {
  return loyaltyAccountDecider.decide(command, events.reduce<AccountState>(evolveAccount, loyaltyAccountDecider.initialState));
}

export function typesOf(events: readonly AccountEvent[]): string[] {
  return events.map((event) => event.type);
}

export function lotId(kind: string, key: string, customerId = CUSTOMER): string {
  return `${customerId}/${kind}/${key}`;
}
