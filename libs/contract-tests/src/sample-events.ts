import { uuidv7, type NewEvent } from '@c360/kernel';
import { randomUUID } from 'node:crypto';

/** A unique prefix per test, so suites can run against a shared server without cleaning it. */
export function uniquePrefix(label: string): string {
  return `contract${randomUUID().replace(/-/g, '').slice(0, 12)}-${label}`;
}

export function sampleEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: uuidv7(),
    type: 'contract.thing-happened',
    schemaVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: { amount: 42, note: 'zwölf Boxkämpfer jagen Viktor 🥊', nested: { list: [1, 2, 3] } },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      actor: { id: 'agent-7', role: 'agent' },
    },
    ...overrides,
  };
}

export function sampleEvents(count: number, type = 'contract.thing-happened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => sampleEvent({ type, data: { index } }));
}
