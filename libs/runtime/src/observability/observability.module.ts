import {
  Global,
  Inject,
  Injectable,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import type { PlatformConfig } from '../config/platform-config';
import { ProcessorHost } from '../processors/processor-host';
import { HttpTelemetry } from './http/http-telemetry';
import { RequestSpanMiddleware } from './http/request-span.middleware';
import { createRootLogger } from './logging/root-logger';
import { CommandTelemetry } from './metrics/command-telemetry';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsServer } from './metrics/metrics-server';
import { PlatformMetrics } from './metrics/platform-metrics';
import { COMMAND_TELEMETRY, PROCESSOR_OBSERVER, RELAY_OBSERVER, ROOT_LOGGER, TRACING } from './observability.tokens';
import { registerProcessorGauges } from './processors/processor-gauges';
import { ProcessorTelemetry } from './processors/processor-telemetry';
import { RelayTelemetry } from './processors/relay-observer';
import { Tracing } from './tracing/tracing';

export interface ObservabilityOptions {
  readonly config: PlatformConfig;
  /** Where log lines go instead of stdout (a spec's capture). */
  readonly logDestination?: DestinationStream;
  /** Turns tracing on with this exporter (a spec's in-memory one), whatever the configuration says. */
  readonly spanExporter?: SpanExporter;
}

/** Every route: `{*splat}` is Nest 11's spelling of "everything" (nestjs-pino's default `*` is deprecated there). */
const ALL_ROUTES = [{ path: '{*splat}', method: RequestMethod.ALL }];

/** Reads processor state at scrape time and flushes traces at shutdown. */
@Injectable()
class ObservabilityLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly processors: ProcessorHost,
    @Inject(PROCESSOR_OBSERVER) private readonly telemetry: ProcessorTelemetry,
    @Inject(TRACING) private readonly tracing: Tracing,
  ) {}

  onModuleInit(): void {
    registerProcessorGauges(this.metrics, this.processors, this.telemetry);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.close();
  }
}

/**
 * Logs, metrics and traces for one app, imported by `platformImports` into every process: pino
 * through nestjs-pino (request-bound loggers in AsyncLocalStorage, bound by HttpTelemetry), Prometheus metrics in the app's
 * own registry with `/metrics` on the app or on METRICS_PORT, OpenTelemetry when an exporter is
 * configured. The runtime's modules take its hooks optionally (a CommandHandler observer, a processor
 * observer, a relay observer), so nothing here is needed for a command or a projection to run.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  constructor(@Inject(TRACING) private readonly tracing: Tracing) {}

  static forRoot(options: ObservabilityOptions): DynamicModule {
    const { config } = options;
    const logger = createRootLogger(config, options.logDestination);
    return {
      module: ObservabilityModule,
      // nestjs-pino for its Nest LoggerService over pino; the request-bound logger is HttpTelemetry's hook, not its middleware.
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] })],
      controllers: config.metrics.port === undefined ? [MetricsController] : [],
      providers: [
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: TRACING, useFactory: () => Tracing.start(config.tracing, options.spanExporter) },
        PlatformMetrics,
        {
          provide: COMMAND_TELEMETRY,
          useFactory: (m: PlatformMetrics, t: Tracing) => new CommandTelemetry(m, t),
          inject: [PlatformMetrics, TRACING],
        },
        {
          provide: PROCESSOR_OBSERVER,
          useFactory: (m: PlatformMetrics, t: Tracing, l: Logger) => new ProcessorTelemetry(m, t, l),
          inject: [PlatformMetrics, TRACING, ROOT_LOGGER],
        },
        { provide: RELAY_OBSERVER, useFactory: (m: PlatformMetrics) => new RelayTelemetry(m), inject: [PlatformMetrics] },
        HttpTelemetry,
        ObservabilityLifecycle,
        ...(config.metrics.port === undefined ? [] : [MetricsServer]),
      ],
      exports: [ROOT_LOGGER, TRACING, PlatformMetrics, COMMAND_TELEMETRY, PROCESSOR_OBSERVER, RELAY_OBSERVER],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.tracing.enabled) consumer.apply(RequestSpanMiddleware).forRoutes(...ALL_ROUTES);
  }
}
