import { DEFAULT_PHONE_REGION, isPhoneRegion } from '@c360/contacts-domain';
import { ConfigError } from '@c360/runtime';
import type { Provider } from '@nestjs/common';

/** The contacts context's own settings (the one context-specific token left: it is configuration). */
export const CONTACTS_OPTIONS = Symbol('ContactsOptions');

export interface ContactsOptions {
  /** Region for phone numbers written without a country code, unless a request names one. */
  readonly defaultPhoneRegion: string;
  /** How long a claim on an e-mail or phone may stay unconfirmed by its customer stream (ms). */
  readonly claimGraceMs: number;
  /** Version of the identity-claim HMAC key in use (CONTACTS_IDENTITY_CLAIM_KEY_VERSION, default 1). */
  readonly claimKeyVersion: number;
}

export const DEFAULT_CONTACTS_OPTIONS: ContactsOptions = {
  defaultPhoneRegion: DEFAULT_PHONE_REGION,
  claimGraceMs: 5 * 60_000,
  claimKeyVersion: 1,
};

/**
 * Options from the environment: CONTACTS_DEFAULT_PHONE_REGION (ISO 3166 alpha-2, default NO) and
 * CONTACTS_IDENTITY_CLAIM_KEY_VERSION (the identity-claim key in use, default 1). A bad
 * value stops the start-up with a message naming the variable, like every other setting.
 */
export function contactsOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ContactsOptions {
  const region = env.CONTACTS_DEFAULT_PHONE_REGION?.trim();
  if (region && !isPhoneRegion(region.toUpperCase())) {
    throw new ConfigError([`CONTACTS_DEFAULT_PHONE_REGION="${region}" must be a supported ISO 3166 region such as NO, SE or US`]);
  }
  const version = env.CONTACTS_IDENTITY_CLAIM_KEY_VERSION?.trim();
  if (version && !/^[1-9][0-9]{0,5}$/.test(version)) {
    throw new ConfigError([`CONTACTS_IDENTITY_CLAIM_KEY_VERSION="${version}" must be a positive whole number (1, 2, ...)`]);
  }
  return {
    ...DEFAULT_CONTACTS_OPTIONS,
    ...(region ? { defaultPhoneRegion: region.toUpperCase() } : {}),
    ...(version ? { claimKeyVersion: Number(version) } : {}),
  };
}

/** Read when the module starts, so the platform and the standalone app validate it the same way. */
export const contactsOptionsProvider: Provider = { provide: CONTACTS_OPTIONS, useFactory: () => contactsOptionsFromEnv() };

/** The words the start-up line says about the contacts settings (and the check that they are valid). */
export function contactsSettings(): string {
  const options = contactsOptionsFromEnv();
  return `default phone region: ${options.defaultPhoneRegion}, identity-claim key v${options.claimKeyVersion}`;
}
