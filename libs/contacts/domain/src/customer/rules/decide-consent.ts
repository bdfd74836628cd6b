import { DomainError } from '@c360/kernel';
import { CHANNELS, PURPOSES, consentKey } from '../../consent/consent';
import { ContactsErrors } from '../../contacts-errors';
import { validSlug } from '../../values/profile-values';
import type { GrantConsent, RevokeConsent } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { CustomerState } from '../customer.state';
import { requireActive } from './require-active';

/**
 * Consent per channel and purpose. A decision may be dated in the past (a paper form signed last
 * week) but never in the future, and never before the previous decision for the same channel and
 * purpose: the history stays in time order, so "valid at t" has one answer. Granting what is granted,
 * or revoking what is not, records nothing.
 */
export function decideConsent(command: GrantConsent | RevokeConsent, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  if (!CHANNELS.includes(command.channel))
    throw ContactsErrors.invalid('invalid-channel', 'channel', `must be one of ${CHANNELS.join(', ')}`);
  if (!PURPOSES.includes(command.purpose))
    throw ContactsErrors.invalid('invalid-purpose', 'purpose', `must be one of ${PURPOSES.join(', ')}`);
  const source = validSlug(command.source, 'source');
  const effective = Date.parse(command.effectiveAt);
  if (Number.isNaN(effective)) throw ContactsErrors.invalid('invalid-time', 'at', 'must be an ISO-8601 instant');
  if (effective > Date.parse(command.at))
    throw ContactsErrors.invalid('consent-in-future', 'at', 'a consent decision cannot be dated in the future');
  const current = customer.consents[consentKey(command.channel, command.purpose)];
  if (current && effective < Date.parse(current.at)) {
    throw new DomainError(
      'contacts.consent-out-of-order',
      `The last ${command.channel}/${command.purpose} decision is dated ${current.at}; a new one cannot be dated before it`,
      'invalid',
      { field: 'at', lastDecisionAt: current.at },
    );
  }
  const effectiveAt = new Date(effective).toISOString();
  const base = { customerId: command.customerId, channel: command.channel, purpose: command.purpose, source };
  if (command.type === 'grant-consent') {
    return current?.granted ? [] : [{ type: 'contacts.consent-granted', data: { ...base, grantedAt: effectiveAt } }];
  }
  return current?.granted ? [{ type: 'contacts.consent-revoked', data: { ...base, revokedAt: effectiveAt } }] : [];
}
