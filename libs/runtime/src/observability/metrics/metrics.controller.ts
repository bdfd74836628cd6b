import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PlatformMetrics } from './platform-metrics';

/**
 * `GET /metrics` on the app's own port, when METRICS_PORT is not set (ADR 0015). It is an ordinary
 * route on purpose: the platform's global guard (issue 12's role table) protects it like every other
 * route — give it the operators' role there — so it is never more open than the API beside it.
 * Production scrapes usually set METRICS_PORT instead and keep that port on the internal network.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('Content-Type', this.metrics.contentType);
    return this.metrics.scrape();
  }
}
