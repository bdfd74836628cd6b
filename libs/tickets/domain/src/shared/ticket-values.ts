import { DomainError } from '@c360/kernel';

/** Categories, team and policy ids are slugs, not free text (they appear on analytics topics). */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function requireText(value: string, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max) {
    throw new DomainError('tickets.invalid-text', `${field} must be 1 to ${max} characters`, 'invalid', { field });
  }
  return text;
}

export function requireCategory(category: string | null): string | null {
  if (category === null) return null;
  if (!SLUG.test(category)) {
    throw new DomainError(
      'tickets.invalid-category',
      'category must be a slug: lower-case letters, digits and "-", at most 40',
      'invalid',
      { field: 'category' },
    );
  }
  return category;
}
