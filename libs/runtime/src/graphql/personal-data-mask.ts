import type { Role } from '../auth/roles';

/** Fields of the contexts' answers that identify a person (contacts' profile, identities, partner members). */
const PERSONAL_KEYS = new Set([
  'email',
  'emails',
  'phone',
  'phones',
  'firstName',
  'lastName',
  'fullName',
  'displayName',
  'birthday',
  'dateOfBirth',
  'birthDate',
  'address',
  'addresses',
]);

/** Roles that read customers without working with them: they see masked personal data unless they audit. */
const MASKED_ROLES: ReadonlySet<Role> = new Set(['auditor']);

export function masksPersonalData(role: string): boolean {
  return (MASKED_ROLES as ReadonlySet<string>).has(role);
}

/** `+989121234567` → `+98•••••••67`, `ana@example.com` → `a••@example.com`: enough to tell two apart, not to contact. */
export function maskText(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}${'•'.repeat(Math.max(at - 1, 1))}${value.slice(at)}`;
  const chars = [...value];
  if (chars.length <= 2) return '•'.repeat(chars.length);
  const keep = chars.length > 6 ? 3 : 1;
  return `${chars.slice(0, keep).join('')}${'•'.repeat(chars.length - keep - (chars.length > 6 ? 2 : 0))}${chars.length > 6 ? chars.slice(-2).join('') : ''}`;
}

/** A copy of an answer with every personal field's text masked, however deep it sits. */
export function maskPersonalData(value: unknown, personal = false): unknown {
  if (typeof value === 'string') return personal ? maskText(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, personal));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, maskPersonalData(field, personal || isPersonal(key, field))]),
    );
  }
  return value;
}

/** A person's `name` is an object (`{ first, last }`); a pipeline's or a reward's `name` is text and stays. */
function isPersonal(key: string, field: unknown): boolean {
  return PERSONAL_KEYS.has(key) || (key === 'name' && typeof field === 'object' && field !== null && !Array.isArray(field));
}
