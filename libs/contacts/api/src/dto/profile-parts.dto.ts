import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const SLUG = /^[a-z0-9][a-z0-9._:-]{0,63}$/;
export const SLUG_MESSAGE = 'must be a code of 1-64 characters a-z, 0-9, ".", "_", ":" or "-" (lower case)';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/;

export class NameDto {
  @IsString() @IsNotEmpty() @MaxLength(100) first!: string;
  @IsOptional() @IsString() @MaxLength(100) last?: string;
}

export class AddressDto {
  @IsString() @IsNotEmpty() @MaxLength(200) line1!: string;
  @IsOptional() @IsString() @MaxLength(100) line2?: string;
  @IsOptional() @IsString() @MaxLength(100) postalCode?: string;
  @IsOptional() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @IsString() @MaxLength(100) region?: string;
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code' }) country?: string;
}
