import {
  wrapProcessor,
  DocumentProjector,
  PersonalDataProtector,
  checkpointName,
  projectionCheckpointName,
  projectionCollection,
  revealingProcessor,
  type AnyDocumentProjection,
  type DocumentStore,
  type EventProcessor,
} from '@c360/kernel';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { withContext, type ContextCommand } from '../cqrs/context-command';
import type { PlatformConfig } from '../config/platform-config';
import { DOCUMENT_STORE, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { WorkflowProcessor } from '../processors/workflow-processor';
import type { ContextDefinition } from './context-definition';
import { CONTEXT_DEFINITION } from './context.tokens';

/**
 * Turns a definition's declarations into running parts, once per context: indexes before the
 * projections start (or after their catch-up from nothing: ProjectionIndexes), every projection
 * behind the generic projector (fed plaintext when it reads personal data), every workflow behind the
 * workflow processor, every other processor as declared — each with its checkpoint named by the one
 * rule — and the start-up hooks once the app is up.
 */
@Injectable()
export class ContextRuntime implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(CONTEXT_DEFINITION) private readonly definition: ContextDefinition,
    private readonly processors: ProcessorHost,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(PLATFORM_CONFIG) private readonly config: Pick<PlatformConfig, 'role'>,
    private readonly commandBus: CommandBus,
    private readonly moduleRef: ModuleRef,
    @Optional() private readonly protector?: PersonalDataProtector,
  ) {
    this.logger = new Logger(`${definition.name}`);
  }

  async onModuleInit(): Promise<void> {
    const { name } = this.definition;
    for (const projection of this.definition.projections ?? []) {
      const checkpoint = projectionCheckpointName(name, projection);
      const projector = new DocumentProjector(projection, this.documents, checkpoint);
      // Indexes are the job of whoever runs the projector: with role `api` (and on a threaded process's
      // HTTP thread) another instance does, and may be leaving them for the end of its catch-up.
      if (this.config.role !== 'api') await projector.prepare();
      this.register(this.reveal(projection, projector), checkpoint, `projection:${projectionCollection(projection)}`);
    }
    for (const workflow of this.definition.workflows ?? []) {
      const checkpoint = checkpointName(name, 'workflow', workflow.name);
      const send = (command: unknown, context: Parameters<typeof withContext>[1]) =>
        this.commandBus.execute(withContext(command as ContextCommand<unknown>, context));
      const processor = new WorkflowProcessor(workflow, checkpoint, send, this.documents, (message) => this.logger.log(message));
      this.register(processor, checkpoint, workflow.name);
    }
    for (const type of this.definition.processors ?? []) {
      const processor = this.moduleRef.get(type, { strict: true });
      const checkpoint = checkpointName(name, 'processor', processor.name);
      this.register(renamed(processor, checkpoint), checkpoint, processor.name);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const hook of this.definition.onStart ?? []) await this.moduleRef.get(hook, { strict: true }).onContextStart();
  }

  /** `legacyName` is what the first wave called the checkpoint, before the naming rule (ADR 0009). */
  private register(processor: EventProcessor, checkpoint: string, legacyName: string): void {
    const former = Object.entries(this.definition.formerCheckpoints ?? {})
      .filter(([current]) => current === checkpoint)
      .map(([, old]) => old);
    this.processors.register(processor, { context: this.definition.name, formerCheckpoints: [legacyName, ...former] });
  }

  private reveal(projection: AnyDocumentProjection, projector: EventProcessor): EventProcessor {
    if (!projection.readsPersonalData) return projector;
    if (!this.protector) {
      throw new Error(`Projection ${projection.name} reads personal data, but context ${this.definition.name} declares none`);
    }
    return revealingProcessor(projector, this.protector);
  }
}

/** The processor under its checkpoint name; its own `name` (which may seed derived command ids) is untouched. */
function renamed(processor: EventProcessor, name: string): EventProcessor {
  return wrapProcessor(processor, (events, lastPosition, fence) => processor.handle(events, lastPosition, fence), name);
}
