import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { PlatformConfig } from '../../config/platform-config';
import { CorrelatedIdGenerator } from './correlated-id-generator';

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
}

/**
 * The app's tracing: off (every method runs the work and nothing else) unless an OTLP endpoint is
 * configured or a spec hands in an exporter. When on, it registers the SDK globally (context
 * propagation through async/await needs the global context manager) and flushes on close.
 */
export class Tracing {
  private constructor(
    readonly enabled: boolean,
    private readonly tracer: Tracer | undefined,
    private readonly ids: CorrelatedIdGenerator,
    private readonly provider: NodeTracerProvider | undefined,
  ) {}

  static off(): Tracing {
    return new Tracing(false, undefined, new CorrelatedIdGenerator(), undefined);
  }

  /** `exporter` is for specs (an in-memory one, exported span by span); production uses OTLP over HTTP, batched. */
  static start(config: PlatformConfig['tracing'], exporter?: SpanExporter): Tracing {
    if (!config.endpoint && !exporter) return Tracing.off();
    const ids = new CorrelatedIdGenerator();
    const processor = exporter
      ? new SimpleSpanProcessor(exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.endpoint?.replace(/\/+$/, '')}/v1/traces` }));
    const provider = new NodeTracerProvider({
      idGenerator: ids,
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
      spanProcessors: [processor],
    });
    provider.register();
    return new Tracing(true, provider.getTracer('customer-360'), ids, provider);
  }

  /** Runs `work` in a child span of the active one (a command, an append). */
  async inSpan<T>(name: string, options: SpanOptions, work: (span: Span | undefined) => Promise<T>): Promise<T> {
    if (!this.tracer) return work(undefined);
    const span = this.tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes });
    return this.runIn(span, trace.setSpan(context.active(), span), work);
  }

  /**
   * Runs `work` in a span that continues `parent` when it carries a span (an incoming `traceparent`),
   * or starts the trace of `correlationId` (requests without one, processor batches).
   */
  async inTransactionSpan<T>(
    name: string,
    correlationId: string | undefined,
    options: SpanOptions & { readonly parent?: Context },
    work: (span: Span | undefined) => Promise<T>,
  ): Promise<T> {
    if (!this.tracer) return work(undefined);
    const tracer = this.tracer;
    const parent = options.parent ?? ROOT_CONTEXT;
    const span = this.ids.seeded(correlationId, () =>
      tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent),
    );
    return this.runIn(span, trace.setSpan(parent, span), work);
  }

  /** Starts a span the caller ends (a request, whose end is the response's `close` event). */
  startTransactionSpan(
    name: string,
    correlationId: string | undefined,
    options: SpanOptions & { readonly parent?: Context },
  ): Span | undefined {
    const tracer = this.tracer;
    if (!tracer) return undefined;
    const parent = options.parent ?? ROOT_CONTEXT;
    return this.ids.seeded(correlationId, () =>
      tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent),
    );
  }

  async close(): Promise<void> {
    await this.provider?.shutdown();
  }

  private async runIn<T>(span: Span, active: Context, work: (span: Span) => Promise<T>): Promise<T> {
    try {
      return await context.with(active, () => work(span));
    } catch (error) {
      // Error names only: a message may quote what a customer wrote (a rule refusing a duplicate e-mail).
      span.recordException(error instanceof Error ? { name: error.name, message: error.name } : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  }
}
