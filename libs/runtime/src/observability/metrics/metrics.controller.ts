import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ACCESS } from '../../auth/roles';
import { PlatformMetrics } from './platform-metrics';

/**
 * `GET /metrics` on the app's own port, when METRICS_PORT is not set (ADR 0015). It is an ordinary
 * route on purpose: the platform's global guard protects it like every other route (admins, and a
 * monitoring client's `system` API key), so it is never more open than the API beside it.
 * Production scrapes usually set METRICS_PORT instead and keep that port on the internal network.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Roles(...ACCESS.monitor)
  @ApiOperation({ summary: 'Prometheus metrics of this process' })
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('Content-Type', this.metrics.contentType);
    return this.metrics.scrape();
  }
}
