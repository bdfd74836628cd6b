import { ContactsErrors, normaliseEmail, normalisePhone, type Identity, type IdentityKind } from '@c360/contacts-domain';
import type { Clock, CommandContext } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';
import { IdentityClaims } from '../identities/identity-claims.service';
import { CustomerStreams } from './customer-streams';
import type { CustomerCommandResult } from './customer.results';

/**
 * Adding an e-mail or phone claims it first and releases the claim if the customer stream refuses
 * the change; removing it writes the customer stream first and then releases the claim.
 */
@Injectable()
export class CustomerIdentitiesService {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly claims: IdentityClaims,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async add(
    customerId: string,
    kind: IdentityKind,
    raw: string,
    defaultRegion: string | undefined,
    context: CommandContext,
  ): Promise<CustomerCommandResult> {
    const at = this.clock.now().toISOString();
    const identity = this.normalise(kind, raw, defaultRegion);
    await this.precheck(customerId);
    const claimed = await this.claims.claim(identity, customerId, at, context, kind);
    try {
      const command =
        kind === 'email'
          ? ({ type: 'add-email', customerId, at, email: identity.value } as const)
          : ({ type: 'add-phone', customerId, at, phone: identity.value } as const);
      const result = await this.customers.handle(customerId, command, context);
      return { customerId, version: result.revision, duplicate: result.duplicate };
    } catch (error) {
      if (claimed) await this.claims.release(identity, customerId, 'compensation', at, context);
      throw error;
    }
  }

  async remove(
    customerId: string,
    kind: IdentityKind,
    raw: string,
    defaultRegion: string | undefined,
    context: CommandContext,
  ): Promise<CustomerCommandResult> {
    const at = this.clock.now().toISOString();
    const identity = this.normalise(kind, raw, defaultRegion);
    const command =
      kind === 'email'
        ? ({ type: 'remove-email', customerId, at, email: identity.value } as const)
        : ({ type: 'remove-phone', customerId, at, phone: identity.value } as const);
    const result = await this.customers.handle(customerId, command, context);
    await this.claims.release(identity, customerId, 'removed', at, context);
    return { customerId, version: result.revision, duplicate: result.duplicate };
  }

  private normalise(kind: IdentityKind, raw: string, defaultRegion: string | undefined): Identity {
    return kind === 'email'
      ? { kind, value: normaliseEmail(raw, 'email') }
      : { kind, value: normalisePhone(raw, defaultRegion ?? this.options.defaultPhoneRegion, 'phone') };
  }

  /**
   * Refuses early (before touching a claim) a customer the stream would refuse anyway. A stale If-Match
   * is left to the CommandHandler, which first recognises a repeated Idempotency-Key.
   */
  private async precheck(customerId: string): Promise<void> {
    const { state } = await this.customers.load(customerId);
    if (state.status === 'none') throw ContactsErrors.notFound(customerId);
    if (state.status === 'merged') throw ContactsErrors.merged(customerId, state.survivorId);
    if (state.status === 'erased') throw ContactsErrors.erased(customerId);
  }
}
