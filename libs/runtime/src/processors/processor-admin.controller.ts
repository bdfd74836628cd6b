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
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ACCESS } from '../auth/roles';
import { ProcessorHost } from './processor-host';

/**
 * The operator's handle on processors: list them, restart one (retries a stopped event, clears a stuck
 * state), or skip the event a stopped one failed on. Names contain colons (`sales:projection:deal-view_v1`);
 * send them as they are or URL-encoded. Admins only (the role table, ADR 0011).
 */
@Controller('admin/processors')
export class ProcessorAdminController {
  constructor(private readonly processors: ProcessorHost) {}

  @Roles(...ACCESS.administer)
  @ApiOperation({ summary: 'Every processor with its state, checkpoint and lag' })
  @Get()
  async list() {
    return { processors: await this.processors.statuses() };
  }

  @Roles(...ACCESS.administer)
  @ApiOperation({ summary: 'Restart a processor (retries the event it stopped on)' })
  @Post(':name/restart')
  @HttpCode(HttpStatus.ACCEPTED)
  async restart(@Param('name') name: string) {
    const runner = this.find(name);
    await runner.restart();
    return { name, restarted: true, status: await runner.status() };
  }

  /** Body `{ "position": n }` skips that position; without it, the event the processor stopped on. */
  @Roles(...ACCESS.administer)
  @ApiOperation({ summary: 'Skip the event a stopped processor failed on, or a given position' })
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
