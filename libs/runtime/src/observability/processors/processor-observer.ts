import type { EventProcessor } from '@c360/kernel';

/**
 * The ProcessorHost's hook: each registered processor is handed through `observe` once, and the
 * runner drives what comes back. The returned processor must keep the name, filter and checkpoint
 * behaviour of the original and rethrow whatever it throws (the runner's retry and stop rules decide).
 */
export interface ProcessorObserver {
  observe(processor: EventProcessor): EventProcessor;
}

/** `projection`, `workflow`, `processor` or `relay`, from the checkpoint naming rule (`<context>:<kind>:<name>`). */
export function processorKind(name: string): string {
  const [context, kind] = name.split(':');
  if (context === 'relay') return 'relay';
  return kind === 'projection' || kind === 'workflow' || kind === 'processor' ? kind : 'processor';
}
