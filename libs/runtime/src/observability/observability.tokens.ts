/** The app's pino logger (JSON or pretty, or a spec's capture). */
export const ROOT_LOGGER = Symbol('RootLogger');
/** The app's Tracing (off unless an exporter is configured). */
export const TRACING = Symbol('Tracing');
/** Optional in the runtime's own modules: a process without the observability module runs unobserved. */
export const COMMAND_TELEMETRY = Symbol('CommandTelemetry');
export const PROCESSOR_OBSERVER = Symbol('ProcessorObserver');
export const RELAY_OBSERVER = Symbol('RelayObserver');
