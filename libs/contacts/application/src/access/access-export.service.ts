import { customerStream, accessExportRecordAggregate, accessExportStream } from '@c360/contacts-domain';
import { CommandHandler, DomainError, type Clock, type CommandContext, type EventStore } from '@c360/kernel';
import { AccessExports, CLOCK, CONTEXT_EVENTS, accessExportDocument } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessExportStream } from './access.commands';

/**
 * The right of access across the platform (ADR 0013): checks the customer exists (404 before a byte
 * is written), records who asked and when, then hands back the document of every context's part —
 * contacts first (the customer's own record), then the other contexts by name.
 */
@Injectable()
export class AccessExportService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly exports: AccessExports,
    @Inject(CONTEXT_EVENTS) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(customerId: string, context: CommandContext): Promise<AccessExportStream> {
    const [first] = await this.events.readStream(customerStream(customerId), { fromRevision: 0, maxCount: 1 });
    if (!first) throw new DomainError('contacts.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    const parts = [...this.exports.parts()].sort((a, b) => Number(b.section === 'contacts') - Number(a.section === 'contacts'));
    const generatedAt = this.clock.now().toISOString();
    const exportId = context.commandId;
    await this.commands.handle(
      accessExportRecordAggregate,
      accessExportStream(customerId),
      {
        type: 'record-access-export',
        data: {
          customerId,
          exportId,
          requestedBy: context.actor.id,
          requestedByRole: context.actor.role,
          exportedAt: generatedAt,
          sections: parts.map((part) => part.section),
        },
      },
      context,
    );
    return { customerId, exportId, chunks: accessExportDocument({ customerId, generatedAt }, parts) };
  }
}
