import { projectionCollection, type DocumentProjection } from './document-projection';

/** What kind of processor a checkpoint belongs to; part of its name. */
export type ProcessorKind = 'projection' | 'workflow' | 'processor' | 'relay';

/**
 * The one checkpoint naming rule: `<context>:<kind>:<name>`, and for a projection
 * `<context>:projection:<name>_v<version>`. Everything that names a checkpoint (the runtime, the
 * replay tooling, the orphan guard) derives it here, so a name never drifts between two places.
 */
export function checkpointName(context: string, kind: ProcessorKind, name: string): string {
  return `${context}:${kind}:${name}`;
}

export function projectionCheckpointName(context: string, projection: Pick<DocumentProjection, 'name' | 'version'>): string {
  return checkpointName(context, 'projection', projectionCollection(projection));
}

/** The context a checkpoint name belongs to, when it follows the rule. */
export function checkpointContext(name: string): string | undefined {
  const parts = name.split(':');
  return parts.length === 3 && parts.every((part) => part.length > 0) ? parts[0] : undefined;
}

/**
 * For a projection checkpoint: the projection name and version it records
 * (`sales:projection:sales-deals_v2` → { name: 'sales-deals', version: 2 }).
 */
export function parseProjectionCheckpoint(name: string): { context: string; name: string; version: number } | undefined {
  const match = /^([^:]+):projection:(.+)_v(\d+)$/.exec(name);
  return match ? { context: match[1], name: match[2], version: Number(match[3]) } : undefined;
}
