import {
  customerData,
  normaliseEmail,
  normalisePhone,
  type Identity,
  type PersonName,
  type PostalAddress,
  type AttributeValue,
} from '@c360/contacts-domain';
import { deriveId, isDomainError, type Clock, CommandHandler, type CommandContext } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CONTACTS_OPTIONS, type ContactsOptions } from '../contacts.options';
import { IdentityClaims } from '../identities/identity-claims.service';
import { CustomerDirectory } from '../queries/customer-directory';
import { CustomerStreams } from './customer-streams';
import { resolveReferrer } from './resolve-referrer';

export interface RegisterCustomerInput {
  readonly customerId?: string;
  readonly name?: PersonName;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly defaultRegion?: string;
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly acquisitionSource?: string;
  readonly referrerId?: string;
  readonly referralCode?: string;
  /** `reject` (default): a taken e-mail or phone refuses the registration; `flag`: it is recorded as a suspected duplicate. */
  readonly onDuplicate?: 'reject' | 'flag';
}

export interface RegisterCustomerResult {
  readonly customerId: string;
  readonly version: number;
  readonly referralCode: string;
  readonly suspectedDuplicates: ReadonlyArray<{ readonly otherCustomerId: string; readonly reasons: readonly string[] }>;
  readonly duplicate: boolean;
}

/**
 * Registration across streams: claim every e-mail and phone first (the reservation), then write the
 * customer stream; if that write fails, or the stream does not hold an identity this request claimed
 * (a repeated Idempotency-Key answered by the first registration), those claims are released again.
 */
@Injectable()
export class CustomerRegistrationService {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly claims: IdentityClaims,
    private readonly directory: CustomerDirectory,
    private readonly commands: CommandHandler,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: RegisterCustomerInput, context: CommandContext): Promise<RegisterCustomerResult> {
    const at = this.clock.now().toISOString();
    const customerId = input.customerId ?? deriveId(`contacts/register/${context.commandId}`);
    const region = input.defaultRegion ?? this.options.defaultPhoneRegion;
    const identities: Array<Identity & { field: string }> = [
      ...(input.emails ?? []).map((email, index) => ({
        kind: 'email' as const,
        value: normaliseEmail(email, `emails.${index}`),
        field: `emails.${index}`,
      })),
      ...(input.phones ?? []).map((phone, index) => ({
        kind: 'phone' as const,
        value: normalisePhone(phone, region, `phones.${index}`),
        field: `phones.${index}`,
      })),
    ];
    const referrerId = await resolveReferrer(input, this.directory, this.commands);

    const taken: Identity[] = [];
    const contested = new Map<string, Identity[]>();
    const seen = new Set<string>();
    try {
      for (const identity of identities) {
        if (seen.has(`${identity.kind}:${identity.value}`)) continue;
        seen.add(`${identity.kind}:${identity.value}`);
        try {
          if (await this.claims.claim(identity, customerId, at, context, identity.field)) taken.push(identity);
        } catch (error) {
          if (input.onDuplicate !== 'flag' || !isDomainError(error) || error.code !== 'contacts.identity-taken') throw error;
          const other = String(error.details.existingCustomerId);
          contested.set(other, [...(contested.get(other) ?? []), { kind: identity.kind, value: identity.value }]);
        }
      }
      const isContested = (kind: Identity['kind'], value: string) =>
        [...contested.values()].some((list) => list.some((identity) => identity.kind === kind && identity.value === value));
      const result = await this.customers.handle(
        customerId,
        {
          type: 'register',
          customerId,
          at,
          name: input.name,
          emails: identities.filter((i) => i.kind === 'email' && !isContested('email', i.value)).map((i) => i.value),
          phones: identities.filter((i) => i.kind === 'phone' && !isContested('phone', i.value)).map((i) => i.value),
          birthday: input.birthday,
          address: input.address,
          company: input.company,
          preferredLanguage: input.preferredLanguage,
          tags: input.tags,
          attributes: input.attributes,
          acquisitionSource: input.acquisitionSource,
          referrerId,
          duplicates: [...contested].map(([otherCustomerId, contestedIdentities]) => ({
            otherCustomerId,
            identities: contestedIdentities,
          })),
        },
        context,
      );
      const state = result.state;
      // The claim and the customer stream commit together or the claim is released: a repeated
      // Idempotency-Key answers the first registration, whose stream may not hold what this request
      // claimed (a different body); such claims would otherwise block that e-mail for the grace period.
      const held = customerData(state);
      const unconfirmed = taken.filter(
        (identity) => !held || !(identity.kind === 'email' ? held.emails : held.phones).includes(identity.value),
      );
      await this.compensate(unconfirmed, customerId, at, context);
      return {
        customerId,
        version: result.revision,
        referralCode: state.status === 'active' ? state.referralCode : '',
        suspectedDuplicates:
          state.status === 'active' ? state.suspectedDuplicates.map(({ otherCustomerId, reasons }) => ({ otherCustomerId, reasons })) : [],
        duplicate: result.duplicate,
      };
    } catch (error) {
      await this.compensate(taken, customerId, at, context);
      throw error;
    }
  }

  private async compensate(taken: readonly Identity[], customerId: string, at: string, context: CommandContext): Promise<void> {
    for (const identity of taken) {
      await this.claims.release(identity, customerId, 'compensation', at, context);
    }
  }
}
