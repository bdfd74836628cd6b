import type { CommandResult } from '@c360/kernel';
import type { AccountState } from '@c360/loyalty-domain';

/**
 * What an account command answers: the account it ran on (the survivor when a merge redirected it),
 * its version (send it back as If-Match), and whether the command id had been handled before. The
 * events stay inside the context.
 */
export interface AccountResult {
  readonly customerId: string;
  readonly version: number;
  readonly position: number | undefined;
  readonly duplicate: boolean;
}

/** A points redemption: its id (the first execution's, for a repeated request) and whether it awaits a fraud review. */
export interface RedemptionResult extends AccountResult {
  readonly redemptionId: string;
  readonly status: 'held' | 'completed';
}

export interface TransferResult extends AccountResult {
  readonly transferId: string;
}

/** A supervisor's review of a fraud flag and what it did to the redemptions the flag held. */
export interface FlagReviewResult extends AccountResult {
  readonly outcome: 'confirmed' | 'cleared';
  readonly releasedRedemptions: readonly string[];
  readonly rejectedRedemptions: readonly string[];
}

/**
 * What the account command handler wrote, inside the application layer only: use cases read their
 * outcome from it and answer an AccountResult.
 */
export interface AccountWrite extends CommandResult<AccountState> {
  readonly customerId: string;
}

export function accountResult(write: AccountWrite): AccountResult {
  return { customerId: write.customerId, version: write.revision, position: write.position, duplicate: write.duplicate };
}

/** The data of the first written event of a type (for a repeated command: of the first execution). */
export function writtenData<T>(
  write: Pick<CommandResult<unknown>, 'events'>,
  ...types: readonly string[]
): { type: string; data: T } | undefined {
  const event = write.events.find((candidate) => types.includes(candidate.type));
  return event && { type: event.type, data: event.data as T };
}
