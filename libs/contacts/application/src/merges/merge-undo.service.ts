import { customerStream, type CustomerEvent, type Identity, type MergeAdoption } from '@c360/contacts-domain';
import { DomainError, type Clock, type CommandContext, type EventStore } from '@c360/kernel';
import { CLOCK, CONTEXT_EVENTS } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { stepContext } from '../command-steps';
import { CustomerStreams } from '../customers/customer-streams';
import { IdentityClaims } from '../identities/identity-claims.service';
import type { MergeResult } from './customer-merge.service';

/**
 * Undo the other way round: the survivor gives back what it adopted (`merge-undone` on its stream),
 * the claims of the identities given back move to the absorbed customer, and the absorbed customer is
 * active again (`merge-undone` on its stream). If-Match applies to the survivor.
 */
@Injectable()
export class MergeUndoService {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly claims: IdentityClaims,
    @Inject(CONTEXT_EVENTS) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(survivorId: string, mergeId: string, context: CommandContext): Promise<MergeResult> {
    const at = this.clock.now().toISOString();
    const undone = await this.customers.handle(survivorId, { type: 'undo-merge', customerId: survivorId, at, mergeId }, context);
    const event =
      undone.events.find((candidate) => candidate.type === 'contacts.merge-undone') ?? (await this.undoneEvent(survivorId, mergeId));
    const data = event.data as Extract<CustomerEvent, { type: 'contacts.merge-undone' }>['data'];
    const returned: MergeAdoption = data.returned ?? { emails: [], phones: [], tags: [], attributes: {} };
    const emails = Array.isArray(returned.emails) ? returned.emails : [];
    const phones = Array.isArray(returned.phones) ? returned.phones : [];
    const identities: Identity[] = [
      ...emails.map((value) => ({ kind: 'email' as const, value })),
      ...phones.map((value) => ({ kind: 'phone' as const, value })),
    ];
    for (const identity of identities) await this.claims.transfer(identity, survivorId, data.absorbedId, mergeId, at, context);
    await this.customers.handle(
      data.absorbedId,
      { type: 'release-from-merge', customerId: data.absorbedId, at, mergeId, returned: { emails, phones } },
      stepContext(context, 'release-from-merge'),
    );
    return { mergeId, survivorId, absorbedId: data.absorbedId, version: undone.revision };
  }

  /** The survivor's `merge-undone` of an undo done by an earlier request (this one changed nothing). */
  private async undoneEvent(survivorId: string, mergeId: string) {
    const stream = await this.events.readStream(customerStream(survivorId), { direction: 'backwards' });
    const found = stream.find(
      (event) => event.type === 'contacts.merge-undone' && (event.data as { mergeId?: string }).mergeId === mergeId,
    );
    if (!found)
      throw new DomainError('contacts.merge-not-found', `Customer ${survivorId} has no merge ${mergeId} to undo`, 'not-found', { mergeId });
    return found;
  }
}
