import { projectionCheckpointName, type DocumentStore } from '@c360/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DOCUMENT_STORE } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import type { ContextDefinition } from './context-definition';
import { CONTEXT_DEFINITION } from './context.tokens';

export interface ReadModelErasureOutcome {
  /** True when every plaintext projection applied the erasure before the store was flushed. */
  readonly applied: boolean;
  readonly waitedMs: number;
}

/** How long an erasure waits for the context's plaintext read models (they normally take milliseconds). */
const DEFAULT_WAIT_MS = 5_000;

/**
 * Erasure is immediate in the read models (ADR 0013): the context's projections that see plaintext
 * (`readsPersonalData`) must have applied the tombstone — overwriting the customer's documents — and
 * the store must have dropped the old bytes (SQLite: WAL checkpoint + truncate under secure_delete;
 * MongoDB: compact) before the erasure answers. Projections that read sealed events only hold blobs the
 * deleted key no longer opens, so they need no wait.
 */
@Injectable()
export class ReadModelErasure {
  private readonly logger = new Logger('ReadModelErasure');

  constructor(
    @Inject(CONTEXT_DEFINITION) private readonly definition: ContextDefinition,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly processors: ProcessorHost,
  ) {}

  async settle(position: number | undefined, timeoutMs = DEFAULT_WAIT_MS): Promise<ReadModelErasureOutcome> {
    const started = Date.now();
    let applied = true;
    if (position !== undefined) {
      for (const projection of this.definition.projections ?? []) {
        if (!projection.readsPersonalData) continue;
        const runner = this.processors.runner(projectionCheckpointName(this.definition.name, projection));
        if (!runner) continue;
        try {
          await runner.waitFor(position, Math.max(1, timeoutMs - (Date.now() - started)));
        } catch (error) {
          // Still flushed below; the projection writes the erased document when it resumes (health shows why it stopped).
          applied = false;
          this.logger.warn(`erasure at ${position}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    await this.documents.flushErasures?.();
    return { applied, waitedMs: Date.now() - started };
  }
}
