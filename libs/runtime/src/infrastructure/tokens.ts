/** Injection tokens for the ports; contexts depend on these, never on an adapter class. */
export const EVENT_STORE = Symbol('EventStore');
export const DOCUMENT_STORE = Symbol('DocumentStore');
export const CHECKPOINT_STORE = Symbol('CheckpointStore');
export const CLOCK = Symbol('Clock');
export const ID_GENERATOR = Symbol('IdGenerator');
export const PLATFORM_CONFIG = Symbol('PlatformConfig');
/** Per-customer encryption keys (crypto-shredding, ADR 0006). */
export const KEY_STORE = Symbol('KeyStore');
