import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformConfig } from '../../config/platform-config';
import { PLATFORM_CONFIG } from '../../infrastructure/tokens';
import { PlatformMetrics } from './platform-metrics';

/**
 * `/metrics` on its own port (METRICS_PORT, on METRICS_HOST), outside the API: no authentication,
 * so it belongs on an address only the Prometheus network reaches (ADR 0015). Plain node:http —
 * one route does not need Fastify, and it keeps answering while the API is saturated.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.metrics.scrape().then(
        (text) => response.writeHead(200, { 'Content-Type': this.metrics.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    const { host, port = 0 } = this.config.metrics;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    new Logger('Metrics').log(`metrics on http://${host}:${this.port()}/metrics`);
  }

  /** The bound port (METRICS_PORT=0 picks a free one: specs). */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
