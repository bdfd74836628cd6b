import { foldEvents, type DocumentProjection, type EventEnvelope } from '@c360/kernel';
import { ticketDecider, ticketStream, type TicketCommand, type TicketEvent } from '@c360/tickets-domain';

let position = 0;

/** Runs ticket commands through the real decider and keeps the log as envelopes, for projection specs. */
export class TicketLog {
  readonly events: EventEnvelope[] = [];
  private readonly streams = new Map<string, TicketEvent[]>();

  run(ticketId: string, command: TicketCommand): void {
    const past = this.streams.get(ticketId) ?? [];
    const decided = ticketDecider.decide(command, foldEvents(ticketDecider, past));
    this.streams.set(ticketId, [...past, ...decided]);
    decided.forEach((event, index) => {
      position += 1;
      this.events.push({
        id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        type: event.type,
        schemaVersion: 1,
        streamId: ticketStream(ticketId),
        revision: past.length + index,
        position,
        occurredAt: command.now,
        data: event.data,
        metadata: { correlationId: 'c', causationId: 'c', actor: { id: command.actorId, role: 'agent' } },
      });
    });
  }
}

/** Folds events through a projection the way the DocumentProjector does, in memory. */
export function foldProjection<T extends object>(projection: DocumentProjection<T>, events: readonly EventEnvelope[]): Map<string, T> {
  const docs = new Map<string, T>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) {
      const next = projection.evolve(docs.get(id) ?? null, event, id);
      if (next === null) docs.delete(id);
      else docs.set(id, next);
    }
  }
  return docs;
}
