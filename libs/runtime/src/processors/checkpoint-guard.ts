import { checkpointContext, parseProjectionCheckpoint, type CheckpointStore } from '@c360/kernel';

export interface RegisteredCheckpoint {
  /** The name the processor's checkpoint is stored under now. */
  readonly name: string;
  /** The context it belongs to, when it follows the naming rule. */
  readonly context?: string;
  /** Names the same checkpoint was stored under before (oldest naming schemes first). */
  readonly formerNames?: readonly string[];
}

/** Refusal to start: a stored checkpoint belongs to no processor of a context this process runs. */
export class OrphanedCheckpointError extends Error {
  override readonly name = 'OrphanedCheckpointError';
  constructor(readonly orphans: ReadonlyArray<{ name: string; position: number }>) {
    super(
      `Refusing to start: ${orphans.length} stored checkpoint(s) belong to no registered processor: ` +
        orphans.map((orphan) => `${orphan.name} (at position ${orphan.position})`).join(', ') +
        '. A processor was probably renamed, which would restart it from zero; declare the old name in its ' +
        "context's `formerCheckpoints`, or set C360_ORPHANED_CHECKPOINTS=ignore once you are sure it is gone.",
    );
  }
}

/**
 * Before processors start: carries positions stored under a former name over to the current one (once),
 * then refuses to start when a checkpoint of a context this process runs matches no processor. A
 * projection checkpoint of an older version of a registered projection is not an orphan: it is the
 * version a rebuild superseded.
 */
export async function reconcileCheckpoints(
  store: CheckpointStore,
  registered: readonly RegisteredCheckpoint[],
  options: { ignoreOrphans?: boolean; log?: (message: string) => void } = {},
): Promise<void> {
  const stored = new Map((await store.list()).map((entry) => [entry.name, entry.position]));
  for (const processor of registered) {
    if (stored.has(processor.name)) continue;
    const former = processor.formerNames?.find((name) => stored.has(name));
    if (former === undefined) continue;
    const position = stored.get(former) as number;
    await store.set(processor.name, position);
    await store.reset(former);
    stored.delete(former);
    stored.set(processor.name, position);
    options.log?.(`checkpoint ${former} carried over to ${processor.name} at position ${position}`);
  }
  if (options.ignoreOrphans) return;

  const names = new Set(registered.map((processor) => processor.name));
  const contexts = new Set(registered.flatMap((processor) => (processor.context ? [processor.context] : [])));
  const projections = registered.flatMap((processor) => {
    const parsed = parseProjectionCheckpoint(processor.name);
    return parsed ? [parsed] : [];
  });
  const orphans = [...stored].flatMap(([name, position]) => {
    if (names.has(name)) return [];
    const context = checkpointContext(name);
    if (context === undefined || !contexts.has(context)) return [];
    const parsed = parseProjectionCheckpoint(name);
    const superseded =
      parsed && projections.some((live) => live.context === parsed.context && live.name === parsed.name && live.version > parsed.version);
    return superseded ? [] : [{ name, position }];
  });
  if (orphans.length) throw new OrphanedCheckpointError(orphans);
}
