import { foldName } from '../values/person-name';

/**
 * Similarity of two names from 0 to 1 (1 - normalised Levenshtein distance of the folded names,
 * word order ignored). "Jon Smith" ~ "John Smith" 0.9; "Ann Lee" ~ "Lee Ann" 1.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = sortedWords(a);
  const right = sortedWords(b);
  if (!left || !right) return 0;
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - levenshtein(left, right) / longest;
}

/** Names this similar or more are suggested as possible duplicates. */
export const SIMILAR_NAME_THRESHOLD = 0.85;

function sortedWords(name: string): string {
  return foldName(name).split(' ').filter(Boolean).sort().join(' ');
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
