import type { ContextStartHook } from '@c360/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { PipelineService } from './pipeline.service';

/**
 * The default pipeline exists from the first start, so lists and boards show it at once. Idempotent
 * across processes and restarts; if the store is unavailable now, first use defines it instead.
 */
@Injectable()
export class EnsureDefaultPipeline implements ContextStartHook {
  constructor(private readonly pipelines: PipelineService) {}

  async onContextStart(): Promise<void> {
    await this.pipelines.ensureDefault().catch((error: unknown) => {
      new Logger('Sales').warn(
        `Default pipeline not ensured at start-up (it will be on first use): ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
}
