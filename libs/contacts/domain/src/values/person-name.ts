import { ContactsErrors } from '../contacts-errors';
import { foldForSearch } from './search-folding';

export interface PersonName {
  readonly first: string;
  readonly last?: string;
}

export function validName(name: PersonName, field = 'name'): PersonName {
  const first = typeof name?.first === 'string' ? name.first.trim() : '';
  const last = typeof name?.last === 'string' ? name.last.trim() : undefined;
  if (first.length === 0 || first.length > 100) throw ContactsErrors.invalid('invalid-name', `${field}.first`, 'must be 1-100 characters');
  if (last !== undefined && last.length > 100)
    throw ContactsErrors.invalid('invalid-name', `${field}.last`, 'must be at most 100 characters');
  return last ? { first, last } : { first };
}

/** "Ann Lee"; empty for a missing (or erased) name. */
export function displayName(name: unknown): string {
  if (!isName(name)) return '';
  return [name.first, name.last].filter(Boolean).join(' ');
}

/**
 * Folded for search (foldForSearch) in words separated by single spaces: how names are compared and
 * searched. Marks that survive the fold (Thai vowels) belong to their word.
 */
export function foldName(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

const MAX_KEY = 40;

/**
 * Every prefix a name search may type: of each word, of the whole name and of the name with the
 * family name first ("lee ann"). Stored as an array, an equality match on any element finds it.
 */
export function nameSearchKeys(name: unknown): string[] {
  if (!isName(name)) return [];
  const words = foldName(displayName(name)).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const phrases = new Set<string>([words.join(' ')]);
  for (let start = 1; start < words.length; start++) phrases.add([...words.slice(start), ...words.slice(0, start)].join(' '));
  const keys = new Set<string>();
  for (const phrase of phrases) {
    for (let length = 1; length <= Math.min(phrase.length, MAX_KEY); length++) {
      const key = phrase.slice(0, length);
      if (!key.endsWith(' ')) keys.add(key);
    }
  }
  return [...keys].sort();
}

function isName(name: unknown): name is PersonName {
  return typeof name === 'object' && name !== null && typeof (name as PersonName).first === 'string';
}
