import { customerStream } from '@c360/contacts-domain';
import { foldCustomerProfile, toProfileView, type CustomerProfileDocument, type CustomerProfileView } from '@c360/contacts-projections';
import { DomainError, isDomainError, type Clock, type EventEnvelope, type EventStore } from '@c360/kernel';
import { CLOCK, CONTEXT_EVENTS } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ConsentReadService } from '../consent/consent-read.service';
import { ReferralReadService } from '../referrals/referral-read.service';

export interface ExportedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly actor: EventEnvelope['metadata']['actor'];
  /** Decrypted; personal fields read `{ "$erased": true }` once the customer was erased. */
  readonly data: unknown;
}

export interface CustomerExport {
  readonly exportedAt: string;
  readonly customerId: string;
  readonly profile: CustomerProfileView;
  readonly identities: ReadonlyArray<{ readonly kind: 'email' | 'phone'; readonly value: string }>;
  readonly consents: { readonly current: unknown; readonly history: readonly unknown[] };
  readonly referrals: {
    readonly referralCode: string;
    readonly referrerId?: string;
    readonly referredAt?: string;
    readonly referees: readonly string[];
  };
  readonly merges: { readonly history: readonly unknown[]; readonly mergedInto?: unknown; readonly absorbed: readonly unknown[] };
  readonly suspectedDuplicates: readonly unknown[];
  readonly events: readonly ExportedEvent[];
  /** Customers merged into this one: their own records, exported the same way. */
  readonly absorbedCustomers: readonly CustomerExport[];
}

/**
 * Right of access: everything the contacts context holds about a customer, as JSON — the profile
 * folded from the customer's stream by the profile read model's own evolve (so it never lags behind
 * a command just answered, and reads exactly like GET /customers/:id), the consent history,
 * referrals, merges and every event of the customer's stream with its personal data decrypted (or
 * marked erased).
 */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly consents: ConsentReadService,
    private readonly referrals: ReferralReadService,
    @Inject(CONTEXT_EVENTS) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(customerId: string, depth = 0): Promise<CustomerExport> {
    const stream = await this.streamEvents(customerId);
    const doc = foldCustomerProfile(stream);
    if (!doc) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    const profile = toProfileView(doc);
    // The consent read model may not have seen a customer registered a moment ago: no history yet.
    const consentHistory = await this.consents.history(customerId).catch((error: unknown) => {
      if (isDomainError(error) && error.kind === 'not-found') return { history: [] as readonly unknown[] };
      throw error;
    });
    const referees = await this.allReferees(customerId);
    const absorbedIds = doc.status === 'erased' ? [] : doc.absorbed.map((absorbed) => absorbed.customerId);
    return {
      exportedAt: this.clock.now().toISOString(),
      customerId,
      profile,
      identities: identitiesOf(doc),
      consents: { current: doc.status === 'erased' ? {} : doc.consents, history: consentHistory.history },
      referrals: {
        referralCode: doc.referralCode,
        ...(doc.referrerId ? { referrerId: doc.referrerId, referredAt: doc.referredAt } : {}),
        referees,
      },
      merges: {
        history: doc.mergeHistory,
        ...(profile.mergedInto ? { mergedInto: profile.mergedInto } : {}),
        absorbed: profile.absorbed ?? [],
      },
      suspectedDuplicates: doc.status === 'erased' ? [] : doc.suspectedDuplicates,
      events: stream.map((event) => ({
        id: event.id,
        type: event.type,
        revision: event.revision,
        occurredAt: event.occurredAt,
        actor: event.metadata.actor,
        data: event.data,
      })),
      absorbedCustomers: depth < 10 ? await Promise.all(absorbedIds.map((id) => this.execute(id, depth + 1))) : [],
    };
  }

  /** Every event of the customer's stream, revealed (personal fields decrypted or marked erased). */
  private async streamEvents(customerId: string): Promise<EventEnvelope[]> {
    const out: EventEnvelope[] = [];
    for (let from = 0; ;) {
      const page = await this.events.readStream(customerStream(customerId), { fromRevision: from, maxCount: 1_000 });
      out.push(...page);
      if (page.length < 1_000) return out;
      from += page.length;
    }
  }

  private async allReferees(customerId: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.referrals.referees(customerId, 1_000, cursor);
      ids.push(...page.items.map((item) => item.customerId));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }
}

/** The customer's own e-mails and phones (none once erased: the tombstone empties them). */
function identitiesOf(doc: CustomerProfileDocument): Array<{ kind: 'email' | 'phone'; value: string }> {
  return [
    ...doc.emails.map((value) => ({ kind: 'email' as const, value })),
    ...doc.phones.map((value) => ({ kind: 'phone' as const, value })),
  ];
}
