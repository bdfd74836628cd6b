import {
  BadRequestException,
  GatewayTimeoutException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, switchMap, tap } from 'rxjs';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { withRequestPositions } from './request-positions';

export const POSITION_HEADER = 'C360-Position';
export const MIN_POSITION_HEADER = 'C360-Min-Position';
export const MIN_POSITION_QUERY = 'minPosition';

/**
 * Read your own writes, for every route without a change to any controller:
 * - a response carries `C360-Position`: the log position the request's appends reached (or a result's
 *   own `position`), so a client knows what it wrote;
 * - a GET with `C360-Min-Position: n` (or `?minPosition=n`) waits until every read model has handled
 *   the log up to n before it runs — bounded by READ_MIN_POSITION_WAIT_MS (default 2 s), then 504
 *   `min_position_not_reached`; 503 `read_model_failed` when a read model has stopped.
 * Response bodies are unchanged.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const minimum = minPositionOf(request);
    const run = () =>
      new Observable<unknown>((subscriber) =>
        withRequestPositions((positions) =>
          next
            .handle()
            .pipe(tap((body) => this.stamp(reply, positions.position, body)))
            .subscribe(subscriber),
        ),
      );
    if (minimum === undefined || request.method !== 'GET') return run();
    return from(this.waitForReads(minimum)).pipe(switchMap(run));
  }

  private stamp(reply: FastifyReply, appended: number | undefined, body: unknown): void {
    const own = typeof body === 'object' && body !== null ? (body as { position?: unknown }).position : undefined;
    const position = Math.max(appended ?? -1, typeof own === 'number' && Number.isSafeInteger(own) ? own : -1);
    if (position >= 0 && !reply.sent) void reply.header(POSITION_HEADER, String(position));
  }

  private async waitForReads(position: number): Promise<void> {
    const timeoutMs = this.config.minPositionWaitMs;
    try {
      await this.processors.waitForReads(position, timeoutMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/ failed: /.test(message)) {
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'read_model_failed',
          message: `A read model has stopped: ${message}`,
        });
      }
      throw new GatewayTimeoutException({
        statusCode: 504,
        error: 'min_position_not_reached',
        message: `The read models did not reach position ${position} within ${timeoutMs} ms (${message}); retry the read`,
      });
    }
  }
}

/** The position a read asks for, from the header or the query (removed there, so DTO validation never sees it). */
function minPositionOf(request: FastifyRequest): number | undefined {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const fromQuery = query[MIN_POSITION_QUERY];
  if (fromQuery !== undefined) delete query[MIN_POSITION_QUERY];
  const raw = request.headers[MIN_POSITION_HEADER.toLowerCase()] ?? fromQuery;
  if (raw === undefined) return undefined;
  const text = Array.isArray(raw) ? raw[0] : String(raw);
  const field = request.headers[MIN_POSITION_HEADER.toLowerCase()] !== undefined ? MIN_POSITION_HEADER : MIN_POSITION_QUERY;
  if (!/^\d{1,15}$/.test(text.trim())) {
    const problems = [`${field} must be a log position (an integer >= 0), as returned in ${POSITION_HEADER}`];
    throw new BadRequestException({
      statusCode: 400,
      error: 'validation_failed',
      message: `${field}: ${problems[0]}`,
      fields: [{ field, problems }],
    });
  }
  return Number(text);
}
