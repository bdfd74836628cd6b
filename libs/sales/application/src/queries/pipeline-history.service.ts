import { DomainError, canHandle, type EventEnvelope, type EventStore } from '@c360/kernel';
import { pipelineBoardProjection, pipelineBoardView, type PipelineBoardDocument, type PipelineBoardView } from '@c360/sales-projections';
import { EVENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { PipelineService } from '../pipelines/pipeline.service';

const PAGE = 1_000;

/**
 * The pipeline board as it stood at any instant. The one sales query that reads the event store:
 * a read model holds only the present, and keeping a snapshot per instant is impossible — so the log
 * is folded up to the instant with the very projection that builds the live board (same code, same
 * numbers). It scans the board's event types in the log (server-side filtered), which makes it an
 * audit and reporting query, not one for every screen (docs/contexts/sales.md).
 */
@Injectable()
export class PipelineHistory {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly pipelines: PipelineService,
  ) {}

  async boardAsOf(pipelineIdOrAlias: string, asOf: string): Promise<PipelineBoardView & { asOf: string }> {
    const pipelineId = await this.pipelines.resolve(pipelineIdOrAlias);
    const cutoff = new Date(asOf).toISOString();
    let board: PipelineBoardDocument | null = null;
    let after: number | undefined;
    for (;;) {
      const slice = await this.events.readAll({
        after,
        maxCount: PAGE,
        filter: { eventTypes: pipelineBoardProjection.handles, streamPrefixes: ['sales-pipeline-', 'sales-deal-'] },
      });
      for (const event of slice.events) {
        // The read is filtered by the projection's types already; the guard says so to the compiler.
        if (
          canHandle(pipelineBoardProjection, event) &&
          happenedBy(event, cutoff) &&
          pipelineBoardProjection.documentIds(event).includes(pipelineId)
        ) {
          board = pipelineBoardProjection.evolve(board, event, pipelineId);
        }
      }
      if (slice.isEnd || slice.lastPosition === undefined) break;
      after = slice.lastPosition;
    }
    if (board === null || board.stages.length === 0 || board.name === '') {
      throw new DomainError('sales.pipeline-not-found', `Pipeline ${pipelineIdOrAlias} did not exist at ${cutoff}`, 'not-found', {
        pipelineId,
        asOf: cutoff,
      });
    }
    return { ...pipelineBoardView(board), asOf: cutoff };
  }
}

/** `occurredAt` is the business time of the fact (the Clock at the command); the log's order is not. */
function happenedBy(event: EventEnvelope, cutoff: string): boolean {
  return event.occurredAt <= cutoff;
}
