import {
  BadRequestException,
  GatewayTimeoutException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../infrastructure/tokens';
import { ProcessorHost } from '../processors/processor-host';
import { notePosition, positionsOf, recordRequestPositions } from './request-positions';

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
 *
 * The wait is a guard (after authentication: nobody waits before they are known); the positions are
 * Fastify hooks. Not a Nest interceptor: every interceptor costs each request of every route an rxjs
 * pipeline and an AsyncResource, which halved the throughput of `/health/live` (ADR 0012 amendment).
 */
@Injectable()
export class ReadYourWritesGuard implements CanActivate, OnModuleInit {
  constructor(
    private readonly processors: ProcessorHost,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (typeof fastify?.addHook !== 'function') return; // no HTTP (a CLI context)
    fastify.addHook('onRequest', recordRequestPositions);
    // A result's own `position` (an object body, before it is serialised) counts like an append.
    fastify.addHook('preSerialization', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
      const own = typeof payload === 'object' && payload !== null ? (payload as { position?: unknown }).position : undefined;
      if (typeof own === 'number' && Number.isSafeInteger(own)) notePosition(request, own);
      return payload;
    });
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const position = positionsOf(request)?.position;
      // Only a success says what was written, as before: an error's answer carries no position.
      if (position !== undefined && position >= 0 && reply.statusCode < 400) void reply.header(POSITION_HEADER, String(position));
      return payload;
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const minimum = minPositionOf(request);
    if (minimum !== undefined && request.method === 'GET') await this.waitForReads(minimum);
    return true;
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
