import type { CommandContext } from '@c360/kernel';
import { GetFraudQueue, GetRewardEffectiveness } from '@c360/loyalty-application';
import { ACCESS, IsCursor, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

class FraudQueueQuery {
  @IsOptional() @IsIn(['open', 'confirmed', 'cleared']) status?: 'open' | 'confirmed' | 'cleared';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}

class EffectivenessQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365) windowDays?: number;
}

/** Supervisors' views: the fraud review queue and the reward-effectiveness report. */
@Controller('loyalty')
export class LoyaltyReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'The fraud review queue (paged)' })
  @Get('fraud-flags')
  fraudQueue(@Query() query: FraudQueueQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new GetFraudQueue(context.actor, { status: query.status }, { limit: query.limit, after: query.after }));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Reward effectiveness over a window of days' })
  @Get('reports/reward-effectiveness')
  rewardEffectiveness(@Query() query: EffectivenessQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new GetRewardEffectiveness(context.actor, query.windowDays ?? 90));
  }
}
