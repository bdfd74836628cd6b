import { CommandHandler, deriveId, useCaseResult, type Clock, type CommandContext, type UseCaseResult } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import {
  DEFAULT_SLA_POLICIES,
  SLA_POLICY_BOOK_STREAM,
  slaPolicyBookAggregate,
  type SlaPolicy,
  type SlaPolicyBookState,
  type SlaSettings,
} from '@c360/tickets-domain';
import { Inject, Injectable } from '@nestjs/common';
import { TicketCalendars } from '../calendars/ticket-calendars';
import { TICKETS_SYSTEM_ACTOR } from '../tickets-ids';

export type SlaPolicyBookResult = UseCaseResult<SlaPolicyBookState>;

/** The SLA policy book: one stream, so every ticket command sees the policies at one version. */
@Injectable()
export class SlaPolicyService {
  private defaults: Promise<void> | undefined;

  constructor(
    private readonly commands: CommandHandler,
    private readonly calendars: TicketCalendars,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async set(policy: SlaPolicy, context: CommandContext): Promise<SlaPolicyBookResult> {
    await this.ensureDefaults();
    const command = {
      type: 'set-sla-policy' as const,
      policy,
      knownCalendars: this.calendars.ids(),
      now: this.now(),
      actorId: context.actor.id,
    };
    return useCaseResult(await this.commands.handle(slaPolicyBookAggregate, SLA_POLICY_BOOK_STREAM, command, context));
  }

  async remove(policyId: string, context: CommandContext): Promise<SlaPolicyBookResult> {
    await this.ensureDefaults();
    const command = { type: 'remove-sla-policy' as const, policyId, now: this.now(), actorId: context.actor.id };
    return useCaseResult(await this.commands.handle(slaPolicyBookAggregate, SLA_POLICY_BOOK_STREAM, command, context));
  }

  async book(): Promise<SlaPolicyBookState & { version: number }> {
    await this.ensureDefaults();
    const loaded = await this.commands.load(slaPolicyBookAggregate, SLA_POLICY_BOOK_STREAM);
    return { ...loaded.state, version: loaded.revision };
  }

  /** What a ticket command needs: the policies at the book's version and the calendars. */
  async settings(): Promise<SlaSettings> {
    const book = await this.book();
    return { bookVersion: book.bookVersion, policies: book.policies, calendars: this.calendars.calendars };
  }

  /**
   * The shipped policies, set once when the book is new, whichever process asks first (derived
   * command ids make it idempotent across processes and restarts). A book emptied on purpose stays empty.
   */
  ensureDefaults(): Promise<void> {
    this.defaults ??= (async () => {
      const loaded = await this.commands.load(slaPolicyBookAggregate, SLA_POLICY_BOOK_STREAM);
      if (loaded.revision >= 0) return;
      for (const policy of DEFAULT_SLA_POLICIES) {
        const command = {
          type: 'set-sla-policy' as const,
          policy,
          knownCalendars: this.calendars.ids(),
          now: this.now(),
          actorId: TICKETS_SYSTEM_ACTOR.id,
        };
        await this.commands.handle(slaPolicyBookAggregate, SLA_POLICY_BOOK_STREAM, command, {
          commandId: deriveId(`tickets/sla-policies/default/${policy.policyId}`),
          actor: TICKETS_SYSTEM_ACTOR,
        });
      }
    })().catch((error: unknown) => {
      this.defaults = undefined;
      throw error;
    });
    return this.defaults;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
