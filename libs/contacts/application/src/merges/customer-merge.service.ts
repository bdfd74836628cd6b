import { ContactsErrors, customerData, type CustomerData, type Identity } from '@c360/contacts-domain';
import { ConcurrencyError, DomainError, deriveId, isDomainError, type Clock, type CommandContext } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { stepContext } from '../command-steps';
import { CustomerStreams } from '../customers/customer-streams';
import { IdentityClaims } from '../identities/identity-claims.service';

export interface MergeResult {
  readonly mergeId: string;
  readonly survivorId: string;
  readonly absorbedId: string;
  /** The survivor's version after the merge. */
  readonly version: number;
}

/**
 * Merge across three kinds of streams: freeze the absorbed customer (`customers-merged`), let the
 * survivor take its data over (`customer-absorbed`), then move the identity claims. If the survivor
 * refuses, the absorbed customer is released again (compensation). If-Match applies to the survivor.
 */
@Injectable()
export class CustomerMergeService {
  private readonly logger = new Logger('contacts.merge');

  constructor(
    private readonly customers: CustomerStreams,
    private readonly claims: IdentityClaims,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(survivorId: string, absorbedId: string, context: CommandContext): Promise<MergeResult> {
    if (survivorId === absorbedId) throw ContactsErrors.invalid('merge-into-self', 'absorbedId', 'a customer cannot be merged into itself');
    const at = this.clock.now().toISOString();
    const mergeId = deriveId(`contacts/merge/${context.commandId}`);
    const survivor = await this.customers.load(survivorId);
    if (survivor.state.status === 'none') throw ContactsErrors.notFound(survivorId);
    if (
      context.expectedRevision !== undefined &&
      context.expectedRevision !== survivor.revision &&
      !this.appliedBefore(survivor.state, mergeId)
    ) {
      throw new ConcurrencyError(
        survivorId,
        survivor.revision,
        `Customer ${survivorId} is at version ${survivor.revision}, the request expected ${context.expectedRevision}`,
      );
    }

    const frozen = await this.customers.handle(
      absorbedId,
      { type: 'merge-into', customerId: absorbedId, at, mergeId, survivorId },
      stepContext(context, 'merge-into'),
    );
    if (frozen.state.status !== 'merged' || frozen.state.mergeId !== mergeId) {
      throw new DomainError(
        'contacts.merge-not-applied',
        'An earlier attempt with this Idempotency-Key was rolled back; retry with a new key',
        'conflict',
        {
          mergeId,
        },
      );
    }
    const absorbed = customerData(frozen.state) as CustomerData;
    let version: number;
    try {
      const result = await this.customers.handle(
        survivorId,
        { type: 'absorb', customerId: survivorId, at, mergeId, absorbed },
        { ...stepContext(context, 'absorb'), expectedRevision: context.expectedRevision },
      );
      version = result.revision;
    } catch (error) {
      await this.customers.handle(
        absorbedId,
        { type: 'release-from-merge', customerId: absorbedId, at, mergeId, returned: { emails: absorbed.emails, phones: absorbed.phones } },
        stepContext(context, 'merge-compensation'),
      );
      throw error;
    }

    const identities: Identity[] = [
      ...absorbed.emails.map((value) => ({ kind: 'email' as const, value })),
      ...absorbed.phones.map((value) => ({ kind: 'phone' as const, value })),
    ];
    for (const identity of identities) {
      try {
        await this.claims.transfer(identity, absorbedId, survivorId, mergeId, at, context);
      } catch (error) {
        // Someone else holds it (a stale claim was taken over meanwhile): the merge stands; the
        // survivor lists the identity and duplicate suggestions will show the contention.
        if (!isDomainError(error) || error.code !== 'contacts.identity-taken') throw error;
        this.logger.warn(`merge ${mergeId}: a ${identity.kind} of ${absorbedId} is held by another customer`);
      }
    }
    return { mergeId, survivorId, absorbedId, version };
  }

  private appliedBefore(state: Awaited<ReturnType<CustomerStreams['load']>>['state'], mergeId: string): boolean {
    return state.status !== 'none' && state.mergeHistory.some((record) => record.mergeId === mergeId);
  }
}
