export const CHANNELS = ['email', 'sms', 'phone', 'push'] as const;
export const PURPOSES = ['marketing', 'service'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type ConsentKey = `${Channel}:${Purpose}`;

export function consentKey(channel: Channel, purpose: Purpose): ConsentKey {
  return `${channel}:${purpose}`;
}

/** The latest decision for one channel and purpose. */
export interface ConsentDecision {
  readonly granted: boolean;
  /** Where the decision came from: `web-signup`, `store:oslo-1`, `merge:<mergeId>` (a code, not free text). */
  readonly source: string;
  readonly at: string;
}

export type ConsentDecisions = Readonly<Partial<Record<ConsentKey, ConsentDecision>>>;

/** One entry of a consent history, as the consent read model and exports keep it. */
export interface ConsentEntry extends ConsentDecision {
  readonly channel: Channel;
  readonly purpose: Purpose;
}

/** A change of consent recorded as a side effect of a merge or its undo (effective at that moment). */
export interface ConsentChange {
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly granted: boolean;
  readonly source: string;
}

/**
 * Consent is valid at `t` when it was granted at or before `t` and not revoked at or before `t`
 * (Apache Unomi's rule). The history must be in time order per channel and purpose, which the
 * customer decider guarantees; a revocation at the same instant as a grant wins.
 */
export function consentValidAt(
  history: readonly ConsentEntry[],
  channel: Channel,
  purpose: Purpose,
  t: string,
): { readonly valid: boolean; readonly decidedBy?: ConsentEntry } {
  const at = Date.parse(t);
  let decidedBy: ConsentEntry | undefined;
  for (const entry of history) {
    if (entry.channel !== channel || entry.purpose !== purpose) continue;
    const when = Date.parse(entry.at);
    if (when > at) continue;
    if (!decidedBy || when > Date.parse(decidedBy.at) || (when === Date.parse(decidedBy.at) && !entry.granted)) decidedBy = entry;
  }
  return decidedBy ? { valid: decidedBy.granted, decidedBy } : { valid: false };
}
