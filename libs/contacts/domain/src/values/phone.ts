import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { ContactsErrors } from '../contacts-errors';
import { asciiDigits } from './search-folding';

/**
 * The region assumed for numbers written without a country code, when neither the request nor the
 * deployment says otherwise: the platform's first market is Norway.
 */
export const DEFAULT_PHONE_REGION: CountryCode = 'NO';

export function isPhoneRegion(region: unknown): region is CountryCode {
  return typeof region === 'string' && isSupportedCountry(region);
}

/**
 * A phone number in E.164 (`+4791234567`), parsed with the given default region (libphonenumber).
 * Persian, Arabic-Indic and Thai digits are read as ASCII digits first: libphonenumber reads some
 * digit systems but not Thai, and customers type numbers on the keyboard of their language.
 */
export function normalisePhone(raw: string, defaultRegion: string = DEFAULT_PHONE_REGION, field = 'phone'): string {
  if (!isPhoneRegion(defaultRegion)) throw ContactsErrors.invalid('invalid-region', 'defaultRegion', 'is not a supported ISO 3166 region');
  const parsed = typeof raw === 'string' ? parsePhoneNumberFromString(asciiDigits(raw).trim(), defaultRegion) : undefined;
  if (!parsed || !parsed.isValid()) throw ContactsErrors.invalid('invalid-phone', field, 'is not a valid phone number');
  return parsed.number;
}
