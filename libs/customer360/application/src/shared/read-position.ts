import { projectionCheckpointName, type CheckpointStore, type DocumentProjection } from '@c360/kernel';
import { CHECKPOINT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';

export const CONTEXT_NAME = 'customer360';

/** The position in the log a read model reflects: every answer of this context says it. */
@Injectable()
export class ReadPosition {
  constructor(@Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore) {}

  async of(projection: Pick<DocumentProjection, 'name' | 'version'>): Promise<number | null> {
    return (await this.checkpoints.get(projectionCheckpointName(CONTEXT_NAME, projection))) ?? null;
  }
}
