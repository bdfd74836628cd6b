import { IsCursor } from '@c360/runtime';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPageCursor, IsPhoneRegion } from '../validation/contacts-validators';
import { SLUG, SLUG_MESSAGE } from './profile-parts.dto';

export class CustomerIdParams {
  @IsUUID() id!: string;
}

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) @IsCursor() cursor?: string;
}

/** At most one of name (prefix), email or phone; without any, a list. Filters narrow either. */
export class SearchCustomersQuery extends PageQuery {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsPhoneRegion() defaultRegion?: string;
  @IsOptional() @IsIn(['active', 'merged', 'erased']) status?: 'active' | 'merged' | 'erased';
  @IsOptional() @Matches(SLUG, { message: `tag ${SLUG_MESSAGE}` }) tag?: string;
  @IsOptional() @IsISO8601({ strict: true }) createdFrom?: string;
  @IsOptional() @IsISO8601({ strict: true }) createdTo?: string;
  /** The referrer's customer id or referral code. */
  @IsOptional()
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-Za-z-]{4,20})$/i, {
    message: 'referredBy must be a customer id or a referral code',
  })
  referredBy?: string;
  @IsOptional() @IsIn(['name', 'created']) sort?: 'name' | 'created';
  /** Checked here so that a cursor that is not one answers 400 instead of failing in the store. */
  @IsOptional() @IsString() @MaxLength(500) @IsPageCursor() declare cursor?: string;
}

export class ProfileQuery {
  /** `false`: show a merged customer itself instead of its survivor. */
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsIn([true, false])
  resolve?: boolean;
}
