/** A segment's members at one moment, as the customer 360 read side answers them. */
export interface SegmentMembership {
  readonly segmentId: string;
  /** Customer ids (survivors of merges), in id order. */
  readonly customerIds: readonly string[];
  /** The customer 360 position the membership reflects (null: nothing projected yet). */
  readonly position: number | null;
  readonly asOf: string;
}

/**
 * Who is in a customer 360 segment now. Segments are rules over the 360 documents, which belong to the
 * customer 360 context: surveys never evaluates them itself, it asks the owner through its API — in
 * process in the embedded platform, over HTTP when the services run apart.
 *
 * Errors: `surveys.segment-not-found` (404) when no active segment has that id,
 * `surveys.segment-too-large` (422) when it has more members than `max`,
 * `surveys.segments-unavailable` (503) when the customer 360 cannot be reached.
 */
export interface SegmentAudience {
  members(segmentId: string, options: { readonly max: number }): Promise<SegmentMembership>;
  /** How many members the segment has now (one small read: for checks, not for sending). */
  count(segmentId: string): Promise<number>;
}

export const SEGMENT_AUDIENCE = Symbol('SegmentAudience');
