/** The definition of the context a module was built from (module-local: each context has its own). */
export const CONTEXT_DEFINITION = Symbol('ContextDefinition');
/**
 * The event store as the context sees it: through its PersonalDataProtector when it declares personal
 * data (reads decrypted, appends encrypted), else the platform's store (module-local).
 */
export const CONTEXT_EVENTS = Symbol('ContextEvents');
/** Module-local: registers the context's access-export part with the process-wide AccessExports. */
export const ACCESS_EXPORT_REGISTRATION = Symbol('AccessExportRegistration');
