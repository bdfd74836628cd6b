import { DomainError } from '@c360/kernel';
import { ContactsErrors } from '../../contacts-errors';
import { adoptionFor, consentChangesForMerge, consentChangesForUndo, returnedOnUndo } from '../../merge/merge-policy';
import type { Absorb, MergeInto, ReleaseFromMerge, UndoMerge } from '../customer.commands';
import type { CustomerEvent } from '../customer.events';
import type { CustomerState } from '../customer.state';
import { requireActive } from './require-active';

/**
 * A merge touches two streams: the absorbed customer is frozen first (`merge-into`), then the survivor
 * takes its data over (`absorb`); undo runs the other way round. Each step is idempotent per merge id,
 * so the application can retry or compensate a half-done merge.
 */
export function decideMergeInto(command: MergeInto, state: CustomerState): CustomerEvent[] {
  if (state.status === 'merged' && state.mergeId === command.mergeId) return [];
  requireActive(state, command.customerId);
  if (command.survivorId === command.customerId) throw mergeIntoSelf();
  return [
    {
      type: 'contacts.customers-merged',
      data: { mergeId: command.mergeId, survivorId: command.survivorId, absorbedId: command.customerId, mergedAt: command.at },
    },
  ];
}

export function decideAbsorb(command: Absorb, state: CustomerState): CustomerEvent[] {
  const survivor = requireActive(state, command.customerId);
  if (survivor.activeMerges.some((merge) => merge.mergeId === command.mergeId)) return [];
  if (command.absorbed.customerId === command.customerId) throw mergeIntoSelf();
  return [
    {
      type: 'contacts.customer-absorbed',
      data: {
        mergeId: command.mergeId,
        survivorId: command.customerId,
        absorbedId: command.absorbed.customerId,
        mergedAt: command.at,
        adopted: adoptionFor(survivor, command.absorbed),
        consentChanges: consentChangesForMerge(survivor, command.absorbed, command.mergeId),
      },
    },
  ];
}

/** Undo on the survivor: it must still be active (undo later merges first) and hold the merge. */
export function decideUndoMerge(command: UndoMerge, state: CustomerState): CustomerEvent[] {
  const survivor = requireActive(state, command.customerId);
  const merge = survivor.activeMerges.find((candidate) => candidate.mergeId === command.mergeId);
  if (!merge) {
    const past = survivor.mergeHistory.find((record) => record.mergeId === command.mergeId && record.role === 'survivor');
    if (past?.undoneAt) return [];
    throw mergeNotFound(command.customerId, command.mergeId);
  }
  return [
    {
      type: 'contacts.merge-undone',
      data: {
        mergeId: merge.mergeId,
        survivorId: command.customerId,
        absorbedId: merge.absorbedId,
        undoneAt: command.at,
        returned: returnedOnUndo(survivor, merge),
        consentChanges: consentChangesForUndo(survivor, merge),
      },
    },
  ];
}

/**
 * Undo on the absorbed customer: active again with its own profile. Identities the survivor no longer
 * held (removed, or taken by someone else meanwhile) are not returned and are removed here, so that
 * an identity never belongs to two active customers.
 */
export function decideReleaseFromMerge(command: ReleaseFromMerge, state: CustomerState): CustomerEvent[] {
  if (state.status === 'active' && state.mergeHistory.some((record) => record.mergeId === command.mergeId && record.undoneAt)) return [];
  if (state.status !== 'merged' || state.mergeId !== command.mergeId) {
    if (state.status === 'none') throw ContactsErrors.notFound(command.customerId);
    throw mergeNotFound(command.customerId, command.mergeId);
  }
  const events: CustomerEvent[] = [
    {
      type: 'contacts.merge-undone',
      data: { mergeId: command.mergeId, survivorId: state.survivorId, absorbedId: command.customerId, undoneAt: command.at },
    },
  ];
  for (const email of state.emails.filter((candidate) => !command.returned.emails.includes(candidate))) {
    events.push({
      type: 'contacts.email-removed',
      data: { customerId: command.customerId, email, removedAt: command.at, reason: 'not-returned' },
    });
  }
  for (const phone of state.phones.filter((candidate) => !command.returned.phones.includes(candidate))) {
    events.push({
      type: 'contacts.phone-removed',
      data: { customerId: command.customerId, phone, removedAt: command.at, reason: 'not-returned' },
    });
  }
  return events;
}

function mergeIntoSelf(): DomainError {
  return ContactsErrors.invalid('merge-into-self', 'absorbedId', 'a customer cannot be merged into itself');
}

function mergeNotFound(customerId: string, mergeId: string): DomainError {
  return new DomainError('contacts.merge-not-found', `Customer ${customerId} has no merge ${mergeId} to undo`, 'not-found', {
    customerId,
    mergeId,
  });
}
