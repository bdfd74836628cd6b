import { DomainError, type Actor } from '@c360/kernel';

/** Refuses a use case to anyone outside the given roles (queries carry their viewer for this). */
export function requireRole(actor: Actor, roles: readonly string[], message = `Only ${roles.join(' or ')} may do this`): void {
  if (!roles.includes(actor.role)) throw new DomainError('loyalty.role-required', message, 'forbidden', { role: actor.role });
}
