import type { DocumentStore, EventStore } from '@c360/kernel';
import { Controller, Get, HttpStatus, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PlatformConfig } from '../config/platform-config';
import { DOCUMENT_STORE, EVENT_STORE, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { componentReadiness } from './readiness';
import { Public } from '../auth/access.decorators';

/**
 * `/health/live`: the process answers (during any catch-up too: processors yield the event loop).
 * `/health/ready`: the stores are reachable and no component that serves reads has failed; the body
 * lists every component and processor with state, checkpoint and lag (events and seconds).
 * `/health/ready/<component>`: 200 only when that component is `ok` (policy in ./readiness.ts).
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
    const report = await this.report();
    const storeProblems = [
      ...(report.eventStore.ok ? [] : [`event store: ${report.eventStore.error}`]),
      ...(report.readModels.ok ? [] : [`read models: ${report.readModels.error}`]),
    ];
    const unready = storeProblems.length > 0 || report.components.some((c) => c.state === 'failed' && c.servesReads);
    const degraded = report.components.some((c) => c.state !== 'ok');
    reply.status(unready ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return {
      status: unready ? 'unavailable' : degraded ? 'degraded' : 'ready',
      problems: [...storeProblems, ...report.components.flatMap((c) => c.problems)],
      ...report,
    };
  }

  @Get('ready/:component')
  @ApiOperation({ summary: "Readiness of one component (a context's read models or reactions, the relay): 503 when it is not ok" })
  async component(@Param('component') name: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.report();
    const component = report.components.find((c) => c.name === name);
    if (!component) {
      throw new NotFoundException(`No component "${name}"; components: ${report.components.map((c) => c.name).join(', ') || 'none'}`);
    }
    const storesOk = report.eventStore.ok && report.readModels.ok;
    reply.status(storesOk && component.state === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { ...component, processors: report.processors.filter((p) => p.component === name) };
  }

  private async report() {
    const [eventStore, readModels, processors] = await Promise.all([
      check(() => this.eventStore.ping()),
      check(() => this.documents.ping()),
      this.processors.statuses(),
    ]);
    const components = componentReadiness(processors, {
      maxLagEvents: this.config.maxReadyLag,
      maxLagSeconds: this.config.maxReadyLagSeconds,
    });
    const memory = process.memoryUsage();
    return {
      eventStore: { adapter: this.config.eventStore.kind, ...eventStore },
      readModels: { adapter: this.config.readModels.kind, ...readModels },
      components,
      processors,
      process: {
        rssMiB: Math.round(memory.rss / 1_048_576),
        heapUsedMiB: Math.round(memory.heapUsed / 1_048_576),
        uptimeSeconds: Math.round(process.uptime()),
      },
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
