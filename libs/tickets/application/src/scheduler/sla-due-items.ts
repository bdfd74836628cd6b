import { deriveId } from '@c360/kernel';
import type { SlaDueDocument, SlaDueItem } from '@c360/tickets-projections';

export const SLA_SCHEDULER_NAME = 'tickets-sla-scheduler';

/**
 * What the scheduler records for one ticket at `asOf` (pure): every item whose instant has come, in
 * order; a warning whose deadline has also passed is skipped (the breach says more).
 */
export function dueItems(doc: Pick<SlaDueDocument, 'items'>, asOf: string): SlaDueItem[] {
  return doc.items
    .filter((item) => item.at <= asOf && !(item.kind === 'warning' && item.dueAt <= asOf))
    .sort((a, b) => (a.at === b.at ? a.kind.localeCompare(b.kind) : a.at < b.at ? -1 : 1));
}

/**
 * The command id of one warning or breach: ticket + target + clock cycle + deadline. Any pass, in any
 * process, before or after a restart, sends the same id for the same deadline, so the command handler
 * answers a repeat with the first result and each is written once.
 */
export function slaCommandId(ticketId: string, item: Pick<SlaDueItem, 'kind' | 'target' | 'cycle' | 'dueAt'>): string {
  return deriveId(`${SLA_SCHEDULER_NAME}/${ticketId}/${item.kind}/${item.target}/${item.cycle}/${item.dueAt}`);
}

/** The command id of re-deriving a ticket under a policy book version. */
export function refreshCommandId(ticketId: string, bookVersion: number): string {
  return deriveId(`${SLA_SCHEDULER_NAME}/${ticketId}/refresh/${bookVersion}`);
}
