/** Injection tokens for the ports; contexts depend on these, never on an adapter class. */
export const EVENT_STORE = Symbol('EventStore');
export const DOCUMENT_STORE = Symbol('DocumentStore');
export const CHECKPOINT_STORE = Symbol('CheckpointStore');
export const CLOCK = Symbol('Clock');
export const ID_GENERATOR = Symbol('IdGenerator');
export const PLATFORM_CONFIG = Symbol('PlatformConfig');
/** Per-customer encryption keys (crypto-shredding, ADR 0006). */
export const KEY_STORE = Symbol('KeyStore');
/** The relay's checkpoints, apart from the read models (ADR 0012). */
export const RELAY_CHECKPOINT_STORE = Symbol('RelayCheckpointStore');
/** The raw event store adapter: lag statistics and health ask it, bypassing upcasting. */
export const RAW_EVENT_STORE = Symbol('RawEventStore');
/** Opens a throw-away read-model store for a fold (ScratchStores). */
export const SCRATCH_STORES = Symbol('ScratchStores');
