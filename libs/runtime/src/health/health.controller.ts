import type { DocumentStore, EventStore } from '@c360/kernel';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PlatformConfig } from '../config/platform-config';
import { DOCUMENT_STORE, EVENT_STORE, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { Public } from '../auth/access.decorators';

/**
 * `/health/live`: the process answers. `/health/ready`: the stores are reachable and no processor
 * has failed or fallen further behind than HEALTH_MAX_LAG positions.
 */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly processors: ProcessorHost,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: stores reachable, no processor failed or lagging; lists every processor' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [eventStore, readModels] = await Promise.all([check(() => this.eventStore.ping()), check(() => this.documents.ping())]);
    const processors = await this.processors.statuses();
    const problems = [
      ...(eventStore.ok ? [] : [`event store: ${eventStore.error}`]),
      ...(readModels.ok ? [] : [`read models: ${readModels.error}`]),
      ...processors.filter((p) => p.state === 'failed').map((p) => `${p.name} failed: ${p.lastError}`),
      ...processors
        .filter((p) => (p.lag ?? 0) > this.config.maxReadyLag)
        .map((p) => `${p.name} is ${p.lag} positions behind (limit ${this.config.maxReadyLag})`),
    ];
    reply.status(problems.length ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return {
      status: problems.length ? 'unavailable' : 'ready',
      problems,
      eventStore: { adapter: this.config.eventStore.kind, ...eventStore },
      readModels: { adapter: this.config.readModels.kind, ...readModels },
      processors,
    };
  }
}

async function check(probe: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  try {
    await probe();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
