import type { ProfileChanges } from '@c360/contacts-domain';
import { NestedObject } from '@c360/runtime';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsAttributeMap } from '../validation/contacts-validators';
import { AddressDto, DATE, LANGUAGE, NameDto, SLUG, SLUG_MESSAGE } from './profile-parts.dto';

/** Only the fields given change; `null` clears a field (an attribute set to null is removed). */
export class UpdateProfileDto implements ProfileChanges {
  @IsOptional() @NestedObject(() => NameDto) name?: NameDto | null;
  @IsOptional() @Matches(DATE, { message: 'birthday must be a date YYYY-MM-DD' }) birthday?: string | null;
  @IsOptional() @NestedObject(() => AddressDto) address?: AddressDto | null;
  @IsOptional() @IsString() @MaxLength(200) company?: string | null;
  @IsOptional() @Matches(LANGUAGE, { message: 'preferredLanguage must be a language tag such as "nb" or "en-GB"' }) preferredLanguage?:
    string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(SLUG, { each: true, message: `each tag ${SLUG_MESSAGE}` }) tags?: string[];
  @IsOptional() @IsAttributeMap(true) attributes?: Record<string, string | number | boolean | null>;
}
