import { DomainError } from '@c360/kernel';

/**
 * A segment's rules: every rule must hold (AND). They read the 360 document's figures, so a segment is
 * "dynamic": its members are whoever matches as of the query.
 */
export type SegmentRule =
  | { readonly field: 'tier'; readonly in: readonly string[] }
  | { readonly field: 'rfmSegment'; readonly in: readonly string[] }
  | { readonly field: 'npsCategory'; readonly in: readonly ('promoter' | 'passive' | 'detractor')[] }
  | { readonly field: 'lifetimeValue'; readonly currency: string; readonly gte?: number; readonly lte?: number }
  | { readonly field: 'purchases'; readonly gte?: number; readonly lte?: number }
  | { readonly field: 'daysSinceLastPurchase'; readonly gte?: number; readonly lte?: number }
  | { readonly field: 'consent'; readonly channel: string; readonly purpose: string };

export type SegmentRuleField = SegmentRule['field'];
export const SEGMENT_RULE_FIELDS: readonly SegmentRuleField[] = [
  'tier',
  'rfmSegment',
  'npsCategory',
  'lifetimeValue',
  'purchases',
  'daysSinceLastPurchase',
  'consent',
];
export const MAX_RULES = 20;

const invalid = (index: number, message: string) =>
  new DomainError('customer360.invalid-segment-rule', `rules.${index}: ${message}`, 'invalid', { field: `rules.${index}` });

/** The rules a segment may hold: known fields, non-empty lists, ranges that make sense. */
export function checkSegmentRules(rules: readonly SegmentRule[]): void {
  if (rules.length === 0 || rules.length > MAX_RULES) {
    throw new DomainError('customer360.invalid-segment-rule', `a segment has 1 to ${MAX_RULES} rules`, 'invalid', { field: 'rules' });
  }
  rules.forEach((rule, index) => {
    switch (rule.field) {
      case 'tier':
      case 'rfmSegment':
      case 'npsCategory':
        if (rule.in.length === 0) throw invalid(index, 'in must list at least one value');
        return;
      case 'lifetimeValue':
      case 'purchases':
      case 'daysSinceLastPurchase':
        if (rule.gte === undefined && rule.lte === undefined) throw invalid(index, 'give gte, lte or both');
        if (rule.gte !== undefined && rule.lte !== undefined && rule.gte > rule.lte) throw invalid(index, 'gte must not exceed lte');
        return;
      case 'consent':
        return;
    }
  });
}
