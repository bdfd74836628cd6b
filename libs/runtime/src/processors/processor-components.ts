import { parseProjectionCheckpoint } from '@c360/kernel';

/**
 * Which component a processor belongs to, for readiness (ADR 0012): a context's projections are its
 * `read-models` (they serve reads; read-your-writes waits on them), its workflows and processors are
 * its `reactions`, the relay is `relay`. A processor outside the naming rule is its own component.
 */
export interface ProcessorComponent {
  readonly component: string;
  readonly servesReads: boolean;
}

export function componentOf(name: string, context: string | undefined): ProcessorComponent {
  if (parseProjectionCheckpoint(name)) return { component: `${context ?? name.split(':')[0]}:read-models`, servesReads: true };
  const [first, kind] = name.split(':');
  if (first === 'relay') return { component: 'relay', servesReads: false };
  if (kind === 'workflow' || kind === 'processor') return { component: `${context ?? first}:reactions`, servesReads: false };
  return { component: context ? `${context}:reactions` : name, servesReads: false };
}
