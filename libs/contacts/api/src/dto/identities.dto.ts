import { IsEmail, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsPhoneNumberIn, IsPhoneRegion } from '../validation/contacts-validators';

export class EmailDto {
  @IsEmail() email!: string;
}

export class PhoneDto {
  @IsString() @IsPhoneNumberIn('defaultRegion') phone!: string;
  @IsOptional() @IsPhoneRegion() defaultRegion?: string;
}

/** Removing a phone written without a country code needs its region too. */
export class PhoneRegionQuery {
  @IsOptional() @IsPhoneRegion() defaultRegion?: string;
}

export class EmailParams {
  @IsUUID() id!: string;
  @IsEmail() email!: string;
}

export class PhoneParams {
  @IsUUID() id!: string;
  @IsString() @MaxLength(40) phone!: string;
}
