import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import type { SubscriptionRunner } from '@c360/kernel';
import { ProcessorHost } from './processor-host';

/**
 * The operator's handle on processors: list them, restart one (retries a stopped event, clears a stuck
 * state), or skip the event a stopped one failed on. Names contain colons (`sales:projection:deal-view_v1`);
 * send them as they are or URL-encoded.
 *
 * TODO(auth): every route here needs the admin role once authentication lands (another engineer adds
 * roles to every route); until then bind the platform to a private address.
 */
@Controller('admin/processors')
export class ProcessorAdminController {
  constructor(private readonly processors: ProcessorHost) {}

  @Get()
  async list() {
    return { processors: await this.processors.statuses() };
  }

  @Post(':name/restart')
  @HttpCode(HttpStatus.ACCEPTED)
  async restart(@Param('name') name: string) {
    const runner = this.find(name);
    await runner.restart();
    return { name, restarted: true, status: await runner.status() };
  }

  /** Body `{ "position": n }` skips that position; without it, the event the processor stopped on. */
  @Post(':name/skip')
  @HttpCode(HttpStatus.ACCEPTED)
  async skip(@Param('name') name: string, @Body() body: unknown) {
    const runner = this.find(name);
    const position = positionOf(body);
    const status = await runner.status();
    const target = position ?? status.failedAt?.position;
    if (target === undefined) {
      throw new ConflictException({
        statusCode: 409,
        error: 'nothing_to_skip',
        message: `${name} has not stopped on an event (state: ${status.state}); pass { "position": n } to skip a given one`,
      });
    }
    await runner.skip(target);
    return { name, skipped: target, status: await runner.status() };
  }

  private find(name: string): SubscriptionRunner {
    const runner = this.processors.runner(name);
    if (!runner) throw new NotFoundException(`No processor "${name}"; processors: ${this.processors.names().join(', ') || 'none'}`);
    return runner;
  }
}

function positionOf(body: unknown): number | undefined {
  if (body === undefined || body === null || (typeof body === 'object' && !('position' in body))) return undefined;
  const position = typeof body === 'object' ? (body as { position?: unknown }).position : undefined;
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) {
    const problems = ['position must be an integer >= 1'];
    throw new BadRequestException({
      statusCode: 400,
      error: 'validation_failed',
      message: `position: ${problems[0]}`,
      fields: [{ field: 'position', problems }],
    });
  }
  return position;
}
