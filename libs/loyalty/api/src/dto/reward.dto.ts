import { TIERS, type RewardKind, type RewardTerms, type RewardValue, type TierName } from '@c360/loyalty-domain';
import { IsCursor, NestedObject } from '@c360/runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const KINDS: readonly RewardKind[] = ['percentage-discount', 'fixed-credit', 'free-shipping', 'gift', 'coupon'];

export class RewardValueDto {
  @IsIn(KINDS) kind!: RewardKind;
  @ValidateIf((value: RewardValueDto) => value.kind === 'percentage-discount') @IsInt() @Min(1) @Max(100) percent?: number;
  @ValidateIf((value: RewardValueDto) => value.kind === 'fixed-credit') @IsInt() @Min(1) amount?: number;
  @ValidateIf((value: RewardValueDto) => value.kind === 'fixed-credit') @Matches(/^[A-Z]{3}$/) currency?: string;
  @ValidateIf((value: RewardValueDto) => value.kind === 'gift') @IsString() @Length(1, 64) sku?: string;
  @ValidateIf((value: RewardValueDto) => value.kind === 'coupon') @IsString() @Length(1, 500) description?: string;
}

export class RewardTermsDto {
  @IsString() @Length(1, 200) name!: string;
  @NestedObject(() => RewardValueDto) value!: RewardValueDto;
  @IsInt() @Min(1) @Max(100_000_000) pointsCost!: number;
  @ValidateIf((dto: RewardTermsDto) => dto.stock !== null) @IsInt() @Min(0) stock!: number | null;
  @IsISO8601({ strict: true }) validFrom!: string;
  @ValidateIf((dto: RewardTermsDto) => dto.validUntil !== null) @IsISO8601({ strict: true }) validUntil!: string | null;
  @IsArray() @IsIn(TIERS, { each: true }) tiers!: TierName[];
}

export function toTerms(dto: RewardTermsDto): RewardTerms {
  return {
    name: dto.name,
    value: toValue(dto.value),
    pointsCost: dto.pointsCost,
    stock: dto.stock,
    validFrom: dto.validFrom,
    validUntil: dto.validUntil,
    tiers: dto.tiers,
  };
}

function toValue(dto: RewardValueDto): RewardValue {
  switch (dto.kind) {
    case 'percentage-discount':
      return { kind: dto.kind, percent: dto.percent ?? 0 };
    case 'fixed-credit':
      return { kind: dto.kind, amount: dto.amount ?? 0, currency: dto.currency ?? '' };
    case 'free-shipping':
      return { kind: dto.kind };
    case 'gift':
      return { kind: dto.kind, sku: dto.sku ?? '' };
    case 'coupon':
      return { kind: dto.kind, description: dto.description ?? '' };
  }
}

export class RewardParams {
  @IsUUID() rewardId!: string;
}

export class CouponCodesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10_000) @Matches(/^[A-Za-z0-9_-]{4,64}$/, { each: true }) codes!: string[];
}

export class RedeemRewardDto {
  @IsUUID() customerId!: string;
}

export class RewardListQuery {
  @IsOptional() @IsIn(TIERS) tier?: TierName;
  @IsOptional() @IsIn(['active', 'retired']) status?: 'active' | 'retired';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}
