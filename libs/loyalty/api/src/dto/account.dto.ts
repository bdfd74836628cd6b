import { ADJUSTMENT_REASONS, TIERS, type AdjustmentReason, type EngagementRuleName, type TierName } from '@c360/loyalty-domain';
import { IsCursor } from '@c360/runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, NotEquals, ValidateIf } from 'class-validator';

const REFERENCE = /^[A-Za-z0-9._:/@-]{1,128}$/;
const REFERENCE_MESSAGE = '$property must be 1-128 letters, digits or ._:/@- (an identifier, not free text)';
const MAX_POINTS = 100_000_000;

export class CustomerParams {
  @IsUUID() customerId!: string;
}

export class RedemptionParams extends CustomerParams {
  @IsUUID() redemptionId!: string;
}

export class FlagParams extends CustomerParams {
  @IsString() @Matches(/^[A-Za-z0-9._:/@-]{1,200}$/) flagId!: string;
}

export class EnrolDto {
  @IsUUID() customerId!: string;
}

export class RedeemPointsDto {
  @IsInt() @Min(1) @Max(MAX_POINTS) points!: number;
  @IsOptional() @IsString() @Matches(REFERENCE, { message: REFERENCE_MESSAGE }) reference?: string;
}

export class AdjustPointsDto {
  @IsInt() @NotEquals(0) @Min(-MAX_POINTS) @Max(MAX_POINTS) points!: number;
  @IsIn(ADJUSTMENT_REASONS) reason!: AdjustmentReason;
  @IsOptional() @IsString() @Matches(REFERENCE, { message: REFERENCE_MESSAGE }) reference?: string;
}

export class TransferPointsDto {
  @IsUUID() toCustomerId!: string;
  @IsInt() @Min(1) @Max(MAX_POINTS) points!: number;
}

/**
 * Engagements an agent records by hand. Referral and renewal bonuses come only from the reactions
 * to contacts' and sales' events, so they cannot be granted twice or without their cause.
 */
/** The survey bonus is not among them: it comes only from surveys' published answers (one per invitation). */
export const MANUAL_ENGAGEMENT_RULES = ['birthday', 'review-written'] as const satisfies readonly EngagementRuleName[];

export class EngagementDto {
  @IsIn(MANUAL_ENGAGEMENT_RULES) rule!: (typeof MANUAL_ENGAGEMENT_RULES)[number];
  @IsString() @Matches(REFERENCE, { message: REFERENCE_MESSAGE }) reference!: string;
}

export class TierFloorDto {
  /** null removes the floor. */
  @ValidateIf((dto: TierFloorDto) => dto.tier !== null) @IsIn(TIERS) tier!: TierName | null;
  @IsIn(ADJUSTMENT_REASONS) reason!: AdjustmentReason;
}

export class FlagReviewDto {
  @IsIn(['confirm', 'clear']) decision!: 'confirm' | 'clear';
}

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}
