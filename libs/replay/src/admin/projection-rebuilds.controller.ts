import { ACCESS, Roles } from '@c360/runtime';
import { ConflictException, Controller, Get, HttpCode, HttpStatus, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { UnknownProjectionError } from '../projection-catalog';
import { ProjectionRebuilds, RebuildRefused } from './projection-rebuilds';

/**
 * The operator's rebuild of a read model while the platform serves (admins only): build it beside the
 * live collection, catch up, switch over. `:name` is a projection name, a collection, or `all`.
 */
@Controller('admin/projections')
export class ProjectionRebuildsController {
  constructor(@Inject(ProjectionRebuilds) private readonly rebuilds: ProjectionRebuilds) {}

  @Roles(...ACCESS.administer)
  @ApiOperation({ summary: 'Rebuild a projection beside the live one and switch over when caught up' })
  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  rebuild(@Param('name') name: string) {
    try {
      return { rebuilds: this.rebuilds.start(name) };
    } catch (error) {
      if (error instanceof UnknownProjectionError)
        throw new NotFoundException({ statusCode: 404, error: 'unknown_projection', message: error.message, known: error.known });
      if (error instanceof RebuildRefused)
        throw new ConflictException({ statusCode: 409, error: 'rebuild_refused', message: error.message });
      throw error;
    }
  }

  @Roles(...ACCESS.administer)
  @ApiOperation({ summary: 'Rebuilds started in this process: state, progress, result' })
  @Get('rebuilds')
  list() {
    return { rebuilds: this.rebuilds.list() };
  }
}
