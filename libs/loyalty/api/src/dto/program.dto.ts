import { ENGAGEMENT_RULES, type EngagementRuleName, type ExpiryMode } from '@c360/loyalty-domain';
import { NestedObject } from '@c360/runtime';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

/** Shapes only; the programme decider checks the business sense (thresholds increasing, …) and names the field. */

class TierMultipliersDto {
  @IsInt() @Min(0) @Max(1_000) bronze!: number;
  @IsInt() @Min(0) @Max(1_000) silver!: number;
  @IsInt() @Min(0) @Max(1_000) gold!: number;
}

export class SpendRuleDto {
  @IsInt() @Min(0) pointsPerStep!: number;
  @IsInt() @Min(1) stepAmount!: number;
  @IsInt() @Min(0) minimumOrderValue!: number;
  @IsArray() @ArrayMaxSize(50) @Matches(/^[A-Z]{3}$/, { each: true }) currencies!: string[];
  @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) excludedCategories!: string[];
  @IsArray() @ArrayMaxSize(5_000) @IsString({ each: true }) excludedSkus!: string[];
  @NestedObject(() => TierMultipliersDto) tierMultipliers!: TierMultipliersDto;
}

class CapsDto {
  @ValidateIf((caps: CapsDto) => caps.day !== null) @IsInt() @Min(0) day!: number | null;
  @ValidateIf((caps: CapsDto) => caps.week !== null) @IsInt() @Min(0) week!: number | null;
  @ValidateIf((caps: CapsDto) => caps.month !== null) @IsInt() @Min(0) month!: number | null;
  @ValidateIf((caps: CapsDto) => caps.year !== null) @IsInt() @Min(0) year!: number | null;
}

export class EngagementRuleDto {
  @IsBoolean() enabled!: boolean;
  @IsInt() @Min(0) points!: number;
  @NestedObject(() => CapsDto) caps!: CapsDto;
}

export class EngagementRuleParams {
  @IsIn(ENGAGEMENT_RULES) rule!: EngagementRuleName;
}

class ThresholdsDto {
  @IsInt() @Min(0) bronze!: number;
  @IsInt() @Min(1) silver!: number;
  @IsInt() @Min(1) gold!: number;
}

export class TierPolicyDto {
  @NestedObject(() => ThresholdsDto) thresholds!: ThresholdsDto;
  @IsInt() @Min(1) @Max(60) windowMonths!: number;
  @IsInt() @Min(0) @Max(730) gracePeriodDays!: number;
}

export class PointsPolicyDto {
  @IsInt() @Min(0) @Max(365) returnWindowDays!: number;
  @IsIn(['after-unlock', 'end-of-month', 'end-of-year']) expiryMode!: ExpiryMode;
  @IsInt() @Min(1) @Max(120) expiryMonths!: number;
  @IsInt() @Min(0) @Max(365) warningDays!: number;
  @IsInt() @Min(1) @Max(365) restoredPointsValidityDays!: number;
}

export class TransferPolicyDto {
  @IsBoolean() enabled!: boolean;
  @IsInt() @Min(1) minPoints!: number;
  @IsInt() @Min(1) maxPointsPerTransfer!: number;
  @IsInt() @Min(1) maxPointsPerMonth!: number;
}

export class FraudPolicyDto {
  @IsInt() @Min(1) maxPointsPer24Hours!: number;
  @IsInt() @Min(0) earlyRedemptionDays!: number;
  @IsInt() @Min(0) newAccountDays!: number;
  @IsInt() @Min(2) @Max(20) referralRingDepth!: number;
}
