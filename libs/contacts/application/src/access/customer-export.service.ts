import { customerStream, type CustomerState } from '@c360/contacts-domain';
import { toProfileView, type CustomerProfileView } from '@c360/contacts-projections';
import { DomainError, isDomainError, type Clock, type EventEnvelope, type EventStore } from '@c360/kernel';
import { CLOCK, CONTEXT_EVENTS } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerStreams } from '../customers/customer-streams';
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
  readonly referrals: { readonly referralCode: string; readonly referrerId?: string; readonly referredAt?: string; readonly referees: readonly string[] };
  readonly merges: { readonly history: readonly unknown[]; readonly mergedInto?: unknown; readonly absorbed: readonly unknown[] };
  readonly suspectedDuplicates: readonly unknown[];
  readonly events: readonly ExportedEvent[];
  /** Customers merged into this one: their own records, exported the same way. */
  readonly absorbedCustomers: readonly CustomerExport[];
}

/**
 * Right of access: everything the contacts context holds about a customer, as JSON — the profile from
 * the write-side state, the consent history, referrals, merges and every event of the customer's
 * stream with its personal data decrypted (or marked erased).
 */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly consents: ConsentReadService,
    private readonly referrals: ReferralReadService,
    @Inject(CONTEXT_EVENTS) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(customerId: string, depth = 0): Promise<CustomerExport> {
    const { state, revision } = await this.customers.load(customerId);
    if (state.status === 'none') throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    const profile = toProfileView(state, revision);
    // The consent read model may not have seen a customer registered a moment ago: no history yet.
    const consentHistory = await this.consents.history(customerId).catch((error: unknown) => {
      if (isDomainError(error) && error.kind === 'not-found') return { history: [] as readonly unknown[] };
      throw error;
    });
    const referees = await this.allReferees(customerId);
    const absorbedIds = state.status === 'erased' ? [] : state.activeMerges.map((merge) => merge.absorbedId);
    return {
      exportedAt: this.clock.now().toISOString(),
      customerId,
      profile,
      identities: identitiesOf(state),
      consents: { current: state.status === 'erased' ? {} : state.consents, history: consentHistory.history },
      referrals: {
        referralCode: state.referralCode,
        ...(state.referrerId ? { referrerId: state.referrerId, referredAt: state.referredAt } : {}),
        referees,
      },
      merges: {
        history: state.mergeHistory,
        ...(profile.mergedInto ? { mergedInto: profile.mergedInto } : {}),
        absorbed: profile.absorbed ?? [],
      },
      suspectedDuplicates: state.status === 'erased' ? [] : state.suspectedDuplicates,
      events: await this.streamEvents(customerId),
      absorbedCustomers: depth < 10 ? await Promise.all(absorbedIds.map((id) => this.execute(id, depth + 1))) : [],
    };
  }

  private async streamEvents(customerId: string): Promise<ExportedEvent[]> {
    const out: ExportedEvent[] = [];
    for (let from = 0; ; ) {
      const page = await this.events.readStream(customerStream(customerId), { fromRevision: from, maxCount: 1_000 });
      for (const event of page) {
        out.push({ id: event.id, type: event.type, revision: event.revision, occurredAt: event.occurredAt, actor: event.metadata.actor, data: event.data });
      }
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

function identitiesOf(state: CustomerState): Array<{ kind: 'email' | 'phone'; value: string }> {
  if (state.status !== 'active' && state.status !== 'merged') return [];
  return [...state.emails.map((value) => ({ kind: 'email' as const, value })), ...state.phones.map((value) => ({ kind: 'phone' as const, value }))];
}
