import type { RegisterCustomerInput } from '@c360/contacts-application';
import { NestedObject } from '@c360/runtime';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsAttributeMap, IsPhoneNumberIn, IsPhoneRegion } from '../validation/contacts-validators';
import { AddressDto, DATE, LANGUAGE, NameDto, SLUG, SLUG_MESSAGE } from './profile-parts.dto';

export class RegisterCustomerDto implements RegisterCustomerInput {
  /** Optional: for imports that bring their own ids. Otherwise derived from the Idempotency-Key. */
  @IsOptional() @IsUUID() customerId?: string;
  @IsOptional() @NestedObject(() => NameDto) name?: NameDto;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEmail({}, { each: true }) emails?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsPhoneNumberIn('defaultRegion', { each: true }) phones?: string[];
  /** Region for phones written without a country code (default NO). */
  @IsOptional() @IsPhoneRegion() defaultRegion?: string;
  @IsOptional() @Matches(DATE, { message: 'birthday must be a date YYYY-MM-DD' }) birthday?: string;
  @IsOptional() @NestedObject(() => AddressDto) address?: AddressDto;
  @IsOptional() @IsString() @MaxLength(200) company?: string;
  @IsOptional()
  @Matches(LANGUAGE, { message: 'preferredLanguage must be a language tag such as "nb" or "en-GB"' })
  preferredLanguage?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(SLUG, { each: true, message: `each tag ${SLUG_MESSAGE}` }) tags?: string[];
  @IsOptional() @IsAttributeMap(false) attributes?: Record<string, string | number | boolean>;
  @IsOptional() @Matches(SLUG, { message: `acquisitionSource ${SLUG_MESSAGE}` }) acquisitionSource?: string;
  @IsOptional() @IsUUID() referrerId?: string;
  @IsOptional() @IsString() @Matches(/^[0-9A-Za-z-]{4,20}$/, { message: 'referralCode must be a referral code' }) referralCode?: string;
  /** `reject` (default): a taken e-mail or phone answers 409; `flag`: registered as a suspected duplicate. */
  @IsOptional() @IsIn(['reject', 'flag']) onDuplicate?: 'reject' | 'flag';
}
