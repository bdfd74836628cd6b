import { uuidv5, uuidv7 } from './uuid';

/** Makes new ids. Injected so tests can use predictable ones. */
export interface IdGenerator {
  next(): string;
}

export const uuidV7Generator: IdGenerator = { next: () => uuidv7() };

/** Namespace for ids derived from commands (a fixed, random UUID owned by this platform). */
const COMMAND_NAMESPACE = '6f1b5a3e-2c1d-4f7a-9b8e-0c360c360c36';

/**
 * The id of the n-th event produced by a command: the same command id always yields the same event
 * ids, so an append retried after a lost acknowledgement is recognised by the store as a duplicate.
 */
export function deriveEventId(commandId: string, index: number): string {
  return uuidv5(`${commandId}/${index}`, COMMAND_NAMESPACE);
}

/** A stable id derived from any string key (process managers derive command ids from event ids). */
export function deriveId(key: string): string {
  return uuidv5(key, COMMAND_NAMESPACE);
}
