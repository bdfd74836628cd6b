import { DomainError, type Actor } from '@c360/kernel';

/** Rules that only a supervisor may apply (manual adjustments, tier floors, programme changes, fraud review). */
export function requireSupervisor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor') {
    throw new DomainError('loyalty.supervisor-required', `Only a supervisor may ${what} (actor role is ${actor.role})`, 'forbidden', {
      role: actor.role,
    });
  }
}

export function requirePositivePoints(points: number, field = 'points'): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new DomainError('loyalty.invalid-points', `${field} must be a positive whole number of points`, 'invalid', { field, points });
  }
}

const ADJUSTMENT_REASON_CODES: readonly string[] = ['goodwill', 'service-recovery', 'correction', 'migration', 'fraud', 'other'];

/**
 * Manual changes need a reason, and the reason is a code, never free text: loyalty events then hold
 * no personal data that would outlive a customer's erasure.
 */
export function requireAdjustmentReason(reason: string): void {
  if (!ADJUSTMENT_REASON_CODES.includes(reason)) {
    throw new DomainError('loyalty.reason-required', `reason must be one of ${ADJUSTMENT_REASON_CODES.join(', ')}`, 'invalid', {
      field: 'reason',
    });
  }
}

const REFERENCE = /^[A-Za-z0-9._:/@-]{1,128}$/;

/** References (ticket ids, survey response ids, partner transaction ids) are identifiers, not prose. */
export function requireReference(reference: string, field = 'reference'): void {
  if (!REFERENCE.test(reference)) {
    throw new DomainError('loyalty.invalid-reference', `${field} must be 1-128 letters, digits or ._:/@-`, 'invalid', { field });
  }
}
