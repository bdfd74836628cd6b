import { ContactsErrors } from '../../contacts-errors';
import { validName } from '../../values/person-name';
import { normaliseLanguage, validAddress, validAttributes, validBirthday, validCompany, validTags } from '../../values/profile-values';
import type { UpdateProfile } from '../customer.commands';
import type { CustomerEvent, ProfileUpdated } from '../customer.events';
import type { CustomerState } from '../customer.state';
import { requireActive } from './require-active';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Profile changes: each field validated, only real changes recorded (an update that changes nothing
 * writes nothing). `null` clears a field; the name may only be cleared while an e-mail or phone remains.
 */
export function decideProfileUpdate(command: UpdateProfile, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const changes = command.changes;
  if (Object.values(changes).every((value) => value === undefined)) {
    throw ContactsErrors.invalid('nothing-to-update', 'changes', 'name at least one field to change');
  }
  const profile = customer.profile;
  const update: Mutable<ProfileUpdated> = { customerId: command.customerId, updatedAt: command.at };
  const set = <K extends 'name' | 'birthday' | 'address' | 'company' | 'preferredLanguage'>(field: K, next: ProfileUpdated[K]) => {
    const current = profile[field] ?? null;
    if (JSON.stringify(current) !== JSON.stringify(next)) (update as Record<string, unknown>)[field] = next;
  };
  if (changes.name !== undefined) {
    if (changes.name === null && customer.emails.length === 0 && customer.phones.length === 0) {
      throw ContactsErrors.invalid('empty-profile', 'name', 'a customer needs a name, an e-mail or a phone');
    }
    set('name', changes.name === null ? null : validName(changes.name));
  }
  if (changes.birthday !== undefined) set('birthday', changes.birthday === null ? null : validBirthday(changes.birthday, command.at));
  if (changes.address !== undefined) set('address', changes.address === null ? null : validAddress(changes.address));
  if (changes.company !== undefined) set('company', changes.company === null ? null : validCompany(changes.company));
  if (changes.preferredLanguage !== undefined) {
    set('preferredLanguage', changes.preferredLanguage === null ? null : normaliseLanguage(changes.preferredLanguage));
  }
  if (changes.tags !== undefined) {
    const tags = validTags(changes.tags);
    if (JSON.stringify(tags) !== JSON.stringify([...profile.tags].sort())) update.tags = tags;
  }
  if (changes.attributes !== undefined) {
    validAttributes(changes.attributes);
    const diff: Record<string, string | number | boolean | null> = {};
    for (const [key, value] of Object.entries(changes.attributes)) {
      const current = profile.attributes[key];
      if (value === null ? current !== undefined : current !== value) diff[key] = value;
    }
    if (Object.keys(diff).length > 0) update.attributes = diff;
  }
  const changed = Object.keys(update).length > 2;
  return changed ? [{ type: 'contacts.profile-updated', data: update }] : [];
}
