import { ContactsErrors } from '../contacts-errors';

// Pragmatic, not RFC 5322: one @, a dotted domain, no spaces. What mail systems accept in practice.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** E-mail addresses are compared lower-cased and trimmed (the same mailbox in any case). */
export function normaliseEmail(raw: string, field = 'email'): string {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (email.length > 254 || !EMAIL.test(email)) throw ContactsErrors.invalid('invalid-email', field, 'is not an e-mail address');
  return email;
}
