import { jaroWinkler } from '@skyra/jaro-winkler';
import { foldName } from '../values/person-name';

/**
 * Similarity of two names from 0 to 1: Jaro–Winkler (a maintained measure, @skyra/jaro-winkler) of the
 * folded words compared pairwise in order — first with first, last with last — averaged over the longer
 * name's words (a word without a partner scores 0). Sorting the words first, as before issue 13, paired
 * "mohamad" with "rezaei" and scored obvious duplicates low. A name written family name first
 * ("Lee Ann") is compared in each rotation, as name search does, and the best rotation counts.
 * "Mohammad Rezaei" ~ "Mohamad Rezaei" 0.99; "Ann Hansen" ~ "Anne Hansen" 0.97; "Ann Hansen" ~ "Ann Larsen" 0.85.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  let best = 0;
  for (let start = 0; start < right.length; start++)
    best = Math.max(best, inOrder(left, [...right.slice(start), ...right.slice(0, start)]));
  return best;
}

/**
 * Names this similar or more are suggested as possible duplicates: one changed, added or dropped letter
 * in one word of a two-word name stays above it, a different word (same first name, another family)
 * falls below.
 */
export const SIMILAR_NAME_THRESHOLD = 0.9;

function inOrder(left: readonly string[], right: readonly string[]): number {
  const count = Math.max(left.length, right.length);
  let total = 0;
  for (let index = 0; index < Math.min(left.length, right.length); index++) total += jaroWinkler(left[index], right[index]);
  return total / count;
}

function words(name: string): string[] {
  return foldName(name).split(' ').filter(Boolean);
}
