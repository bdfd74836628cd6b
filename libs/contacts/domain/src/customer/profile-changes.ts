import { isErased } from '@c360/kernel';
import type { ProfileUpdated } from './customer.events';
import type { CustomerProfile } from './customer.state';

/**
 * The profile after a `profile-updated`: a present field replaces, `null` clears, an attribute set to
 * `null` is removed. A change that reads as ERASED (replayed after the key was deleted) is skipped.
 * Shared by the decider's evolve and the read models, so that both fold a change the same way.
 */
export function withProfileChanges(profile: CustomerProfile, changes: ProfileUpdated): CustomerProfile {
  const next: Record<string, unknown> = { ...profile };
  for (const field of ['name', 'birthday', 'address', 'company', 'preferredLanguage'] as const) {
    const value = changes[field];
    if (value === undefined || isErased(value)) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  if (changes.tags) next.tags = [...changes.tags];
  const attributes = isErased(changes.attributes) ? undefined : changes.attributes;
  if (attributes) {
    const merged: Record<string, unknown> = { ...profile.attributes };
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    next.attributes = merged;
  }
  return next as unknown as CustomerProfile;
}
