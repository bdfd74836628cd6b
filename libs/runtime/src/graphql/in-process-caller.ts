import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { parseBody, type ServiceCaller, type ServiceRequest, type ServiceResponse } from './service-caller';

/**
 * The embedded platform: the call is injected into this process's own Fastify router, so it passes the
 * same guard, validation, idempotency and error filter as a REST request, without a socket.
 */
@Injectable()
export class InProcessServiceCaller implements ServiceCaller {
  constructor(private readonly host: HttpAdapterHost) {}

  async call(request: ServiceRequest): Promise<ServiceResponse> {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    const answer = await fastify.inject({
      method: request.method,
      url: request.url,
      headers: request.body === undefined ? request.headers : { ...request.headers, 'content-type': 'application/json' },
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
    });
    const position = answer.headers['c360-position'];
    return { status: answer.statusCode, body: parseBody(answer.body), position: typeof position === 'string' ? position : undefined };
  }
}
