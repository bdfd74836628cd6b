/** Replace a live read-model collection by one rebuilt beside it, and move the live checkpoint with it. */
export interface SwitchOverRequest {
  /** The collection built beside the live one. */
  readonly staging: string;
  readonly live: string;
  /** The live projection's checkpoint: the switch happens only while it still reads `expected`. */
  readonly checkpoint: string;
  readonly expected: number | undefined;
  /** Where the switched-in collection stands (what the live checkpoint becomes). */
  readonly position: number;
  /** The staging fold's own checkpoint, forgotten with the switch. */
  readonly stagingCheckpoint: string;
}

/**
 * Optional capability of a document store: the switch-over of a rebuilt projection. `false` when the
 * live checkpoint moved since the caller looked (fold the difference and try again).
 * `atomic`: the store switches in one transaction, so the live projector may keep running through it
 * (the embedded store); otherwise (MongoDB: a rename and a checkpoint write) the caller stops the live
 * projector for the switch.
 */
export interface CollectionSwitchOver {
  readonly switchOverIsAtomic: boolean;
  swapCollection(request: SwitchOverRequest): boolean | Promise<boolean>;
}

export function hasCollectionSwitchOver(store: unknown): store is CollectionSwitchOver {
  return typeof (store as Partial<CollectionSwitchOver> | null)?.swapCollection === 'function';
}
