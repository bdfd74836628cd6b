import { IsCursor } from '@c360/runtime';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPhoneRegion } from '../validation/contacts-validators';

export class CustomerIdParams {
  @IsUUID() id!: string;
}

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) @IsCursor() cursor?: string;
}

/** Exactly one of name (prefix), email or phone. */
export class SearchCustomersQuery extends PageQuery {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsPhoneRegion() defaultRegion?: string;
}

export class ProfileQuery {
  /** `false`: show a merged customer itself instead of its survivor. */
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsIn([true, false])
  resolve?: boolean;
}
