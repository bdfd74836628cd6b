import type { EventEnvelope } from '../envelope/event-envelope';

/**
 * Turns the data of `type` at `fromVersion` into the shape of `fromVersion + 1`. Old events stay as
 * they were written; readers always see the current shape.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown, event: EventEnvelope): unknown;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
    this.byKey.set(key, upcaster);
    return this;
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** Applies every step from the event's version up to the newest one registered. */
  upcast(event: EventEnvelope): EventEnvelope {
    let current = event;
    for (;;) {
      const step = this.byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!step) return current;
      current = { ...current, schemaVersion: current.schemaVersion + 1, data: step.upcast(current.data, current) };
    }
  }
}
