import {
  CommandHandler,
  DomainError,
  PersonalDataProtector,
  deriveId,
  useCaseResult,
  type Clock,
  type CommandContext,
  type UseCaseResult,
} from '@c360/kernel';
import { CLOCK, CustomerDirectory } from '@c360/runtime';
import {
  slaStatusOf,
  ticketAggregate,
  ticketStream,
  type SlaStatus,
  type SlaTarget,
  type TicketChannel,
  type TicketCommand,
  type TicketPriority,
  type TicketState,
  type TicketStatus,
} from '@c360/tickets-domain';
import { Inject, Injectable } from '@nestjs/common';
import { SlaPolicyService } from '../policies/sla-policy.service';
import { createdId, followUpTicketId } from '../tickets-ids';

export interface OpenTicketInput {
  readonly customerId: string;
  readonly channel: TicketChannel;
  readonly subject: string;
  readonly description: string;
  readonly priority: TicketPriority;
  readonly category?: string | null;
}

export interface FollowUpInput {
  readonly customerId: string;
  readonly surveyResponseId: string;
  /** The survey score (NPS 0–10, CSAT 1–5); 0–3 opens at high priority, otherwise normal, unless `priority` says. */
  readonly score: number;
  /**
   * The customer's comment, if any: it becomes the description (personal, sealed). Surveys' event holds
   * it sealed with the customer's key: it is opened here, and sealed again with the ticket's event.
   */
  readonly comment?: unknown;
  /** Surveys asks `high` for every detractor and low CSAT. */
  readonly priority?: TicketPriority;
  /** `nps` or `csat`: how the subject names the score. */
  readonly survey?: 'nps' | 'csat';
}

export type TicketResult = UseCaseResult<TicketState> & { readonly ticketId: string };

type Body = TicketCommand extends infer C ? (C extends unknown ? Omit<C, 'now' | 'actorId' | 'sla'> : never) : never;

/** Ticket use cases: load → decide (with the SLA settings in force) → append, through the context's CommandHandler. */
@Injectable()
export class TicketService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: SlaPolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly customers: CustomerDirectory,
    private readonly protector: PersonalDataProtector,
  ) {}

  async open(input: OpenTicketInput, context: CommandContext): Promise<TicketResult> {
    // 404 for an unknown customer, 409 customer-erased for an erased one (ADR 0013).
    await this.customers.require(input.customerId);
    const ticketId = createdId('ticket', context);
    return this.execute(ticketId, { type: 'open-ticket', ticketId, ...input, category: input.category ?? null }, context);
  }

  /** What surveys call for a detractor: one follow-up ticket per survey response (its id derives from it). */
  async openFollowUp(input: FollowUpInput, context: CommandContext): Promise<TicketResult> {
    if (!Number.isInteger(input.score) || input.score < 0 || input.score > 10) {
      throw new DomainError('tickets.invalid-score', 'score must be a whole number from 0 to 10', 'invalid', { field: 'score' });
    }
    const ticketId = followUpTicketId(input.surveyResponseId);
    const existing = await this.load(ticketId);
    if (existing.state.status !== 'none') return { ...this.unchanged(existing), ticketId };
    await this.customers.require(input.customerId);
    const opened = await this.protector.revealValue(input.comment);
    const comment = typeof opened === 'string' ? opened.trim() : '';
    const survey = input.survey ? `${input.survey.toUpperCase()} ` : '';
    return this.execute(
      ticketId,
      {
        type: 'open-ticket',
        ticketId,
        customerId: input.customerId,
        channel: 'survey',
        subject: `Survey follow-up: the customer answered ${survey}${input.score}`,
        description: comment || `The customer gave a score of ${input.score} and left no comment.`,
        priority: input.priority ?? (input.score <= 3 ? 'high' : 'normal'),
        category: 'survey-follow-up',
        followUp: { surveyResponseId: input.surveyResponseId, score: input.score },
      },
      { ...context, commandId: deriveId(`tickets/follow-up/${input.surveyResponseId}/open`) },
    );
  }

  assign(ticketId: string, assignee: { agentId?: string | null; teamId?: string | null }, context: CommandContext) {
    return this.execute(ticketId, { type: 'assign-ticket', agentId: assignee.agentId ?? null, teamId: assignee.teamId ?? null }, context);
  }

  async reply(ticketId: string, input: { body: string; author: 'agent' | 'customer' }, context: CommandContext) {
    const replyId = createdId('reply', context);
    return { ...(await this.execute(ticketId, { type: 'add-reply', replyId, ...input }, context)), replyId };
  }

  async note(ticketId: string, body: string, context: CommandContext) {
    const noteId = createdId('note', context);
    return { ...(await this.execute(ticketId, { type: 'add-note', noteId, body }, context)), noteId };
  }

  changeStatus(ticketId: string, status: 'open' | 'pending-customer' | 'pending-close', context: CommandContext) {
    return this.execute(ticketId, { type: 'change-status', status }, context);
  }

  resolve(ticketId: string, resolution: string | undefined, context: CommandContext) {
    return this.execute(ticketId, { type: 'resolve-ticket', ...(resolution === undefined ? {} : { resolution }) }, context);
  }

  close(ticketId: string, context: CommandContext) {
    return this.execute(ticketId, { type: 'close-ticket' }, context);
  }

  reopen(ticketId: string, reason: string, context: CommandContext) {
    return this.execute(ticketId, { type: 'reopen-ticket', reason }, context);
  }

  changePriority(ticketId: string, change: { priority?: TicketPriority; category?: string | null }, context: CommandContext) {
    return this.execute(ticketId, { type: 'change-priority', ...change }, context);
  }

  refreshSla(ticketId: string, context: CommandContext) {
    return this.execute(ticketId, { type: 'refresh-sla' }, context);
  }

  recordDue(
    ticketId: string,
    kind: 'warning' | 'breach',
    due: { target: SlaTarget; cycle: string; dueAt: string },
    context: CommandContext,
  ) {
    return this.execute(ticketId, { type: kind === 'warning' ? 'record-sla-warning' : 'record-sla-breach', ...due }, context);
  }

  /**
   * Merges a duplicate into another ticket: the duplicate records the merge (and stops), then the
   * survivor records what it absorbed. Both histories stay in their streams. The second step's command
   * id derives from the first's, so a retried request completes a merge interrupted between the steps.
   */
  async merge(ticketId: string, intoTicketId: string, context: CommandContext): Promise<TicketResult & { intoTicketId: string }> {
    const into = await this.load(intoTicketId);
    const target = into.state.status === 'none' ? { ticketId: intoTicketId, customerId: '', status: 'none' as const } : into.state;
    const source = await this.load(ticketId);
    const alreadyMerged = source.state.status === 'merged' && source.state.mergedInto === intoTicketId;
    const merged = alreadyMerged
      ? { ...this.unchanged(source), ticketId }
      : await this.execute(
          ticketId,
          { type: 'merge-ticket', into: { ticketId: intoTicketId, customerId: target.customerId, status: target.status } },
          context,
        );
    await this.execute(
      intoTicketId,
      { type: 'absorb-ticket', sourceTicketId: ticketId },
      {
        ...context,
        commandId: deriveId(`tickets/merge/${ticketId}/${intoTicketId}`),
        expectedRevision: undefined,
      },
    );
    return { ...merged, intoTicketId };
  }

  async load(ticketId: string): Promise<{ state: TicketState; revision: number }> {
    const loaded = await this.commands.load(ticketAggregate, ticketStream(ticketId));
    return { state: loaded.state, revision: loaded.revision };
  }

  /** The ticket's SLA clocks now, derived from its history under the policy in force (write-side truth). */
  async sla(ticketId: string): Promise<{ ticketId: string; status: TicketStatus; version: number; sla: SlaStatus | null }> {
    const { state, revision } = await this.load(ticketId);
    if (state.status === 'none') throw new DomainError('tickets.ticket-not-found', `No ticket ${ticketId}`, 'not-found', { ticketId });
    return { ticketId, status: state.status, version: revision, sla: slaStatusOf(state, await this.policies.settings(), this.now()) };
  }

  private async execute(ticketId: string, body: Body, context: CommandContext): Promise<TicketResult> {
    const sla = await this.policies.settings();
    const command = { ...body, now: this.now(), actorId: context.actor.id, sla } as TicketCommand;
    const result = await this.commands.handle(ticketAggregate, ticketStream(ticketId), command, context);
    return { ...useCaseResult(result), ticketId };
  }

  private unchanged(loaded: { state: TicketState; revision: number }): UseCaseResult<TicketState> {
    return { streamId: '', state: loaded.state, revision: loaded.revision, position: undefined, duplicate: true, changed: false };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
