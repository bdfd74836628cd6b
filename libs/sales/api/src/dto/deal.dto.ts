import { ACTIVITY_KINDS, type ActivityKind } from '@c360/sales-domain';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  CURRENCY,
  CURRENCY_MESSAGE,
  IDENTIFIER,
  IDENTIFIER_MESSAGE,
  IsCalendarDate,
  IsPipelineRef,
  MAX_AMOUNT,
  SalesPageQuery,
  STAGE_MESSAGE,
  STAGE_SLUG,
} from './common.dto';

export class DealParams {
  @IsUUID() dealId!: string;
}

export class OpenDealDto {
  @IsUUID() customerId!: string;
  /** Omitted: the default pipeline. */
  @IsOptional() @IsPipelineRef() pipelineId?: string;
  /** Omitted: the pipeline's first open stage. */
  @IsOptional() @IsString() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId?: string;
  @IsString() @Length(1, 200) title!: string;
  @IsInt() @Min(0) @Max(MAX_AMOUNT) amount!: number;
  @IsString() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency!: string;
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) ownerId!: string;
  @IsCalendarDate() expectedCloseDate!: string;
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) source!: string;
}

export class MoveDealDto {
  @IsString() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId!: string;
}

export class CloseDealDto {
  @IsString() @Length(1, 500) reason!: string;
}

export class ReopenDealDto {
  @IsOptional() @IsString() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId?: string;
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class DealAmountDto {
  @IsInt() @Min(0) @Max(MAX_AMOUNT) amount!: number;
  @IsString() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency!: string;
}

export class DealOwnerDto {
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) ownerId!: string;
}

export class DealProbabilityDto {
  @IsInt() @Min(0) @Max(100) probability!: number;
}

export class DealCloseDateDto {
  @IsCalendarDate() expectedCloseDate!: string;
}

export class LogActivityDto {
  /** Omitted: derived from the request's idempotency key. */
  @IsOptional() @IsUUID() activityId?: string;
  @IsIn(ACTIVITY_KINDS) kind!: ActivityKind;
  @IsString() @Length(1, 200) subject!: string;
  @IsOptional() @IsString() @Length(0, 5000) notes?: string;
  /** When it happened; omitted: now. */
  @IsOptional() @IsISO8601({ strict: true }) activityAt?: string;
}

export class DealListQuery extends SalesPageQuery {
  @IsOptional() @IsPipelineRef() pipelineId?: string;
  @IsOptional() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId?: string;
  @IsOptional() @IsIn(['open', 'won', 'lost']) status?: 'open' | 'won' | 'lost';
  @IsOptional() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) ownerId?: string;
  @IsOptional() @IsUUID() customerId?: string;
}
