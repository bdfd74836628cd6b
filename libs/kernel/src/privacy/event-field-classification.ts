import type { DomainEvent } from '../envelope/event-envelope';
import type { PersonalDataPolicy } from './personal-data-protector';

/** `personal`: sealed with the subject's key, erased with it, exported; `plain`: an id, code, date or business fact. */
export type FieldClass = 'personal' | 'plain';

/** Top-level fields holding text (a string, a string literal union or a list of strings), optional or not. */
export type TextFieldsOf<D> = {
  [K in keyof D]-?: NonNullable<D[K]> extends string | readonly string[] ? K : never;
}[keyof D] &
  string;

/**
 * One event type's fields. Every text field MUST be listed (the compiler refuses a missing one), other
 * fields (objects, numbers) MAY be — an object holding personal data (a name, an address) must be.
 */
export interface EventTypeFields<D> {
  /** Whose key seals the personal fields: a field holding the customer id, or a function of the data and stream. */
  readonly subject?: (Extract<keyof D, string> & string) | ((data: D, streamId: string) => string);
  readonly fields: { readonly [K in TextFieldsOf<D>]-?: FieldClass } & {
    readonly [K in Exclude<Extract<keyof D, string>, TextFieldsOf<D>>]?: FieldClass;
  };
}

/**
 * Every event type of a context's event union with every text field classified (ADR 0013). A mapped
 * type, so that `npm test`'s type-check fails when a new event type or a new text field is added
 * without saying whether it is personal: tickets and surveys cannot forget theirs.
 */
export type EventFieldClassification<E extends DomainEvent> = {
  readonly [T in E['type']]: EventTypeFields<Extract<E, { readonly type: T }>['data']>;
};

/** The same, with the event union erased: what a context definition carries and the runtime reads. */
export type AnyEventFieldClassification = Readonly<
  Record<
    string,
    {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the data type is erased here
      readonly subject?: string | ((data: any, streamId: string) => string);
      readonly fields: Readonly<Record<string, FieldClass | undefined>>;
    }
  >
>;

/** Declares a classification typed against the context's event union (`classifyEventFields<SalesEvent>()({...})`). */
export function classifyEventFields<E extends DomainEvent>() {
  return (classification: EventFieldClassification<E>): AnyEventFieldClassification => classification as AnyEventFieldClassification;
}

/** The sealing policy a classification implies: each type's personal fields under its subject's key. */
export function personalDataPolicyOf(classification: AnyEventFieldClassification): PersonalDataPolicy {
  const policy: Record<string, PersonalDataPolicy[string]> = {};
  for (const [type, entry] of Object.entries(classification)) {
    const fields = Object.entries(entry.fields)
      .filter(([, kind]) => kind === 'personal')
      .map(([field]) => field);
    if (fields.length === 0) continue;
    const subject = entry.subject;
    if (subject === undefined)
      throw new Error(`Event type ${type} has personal fields (${fields.join(', ')}) but no subject whose key seals them`);
    policy[type] = {
      fields,
      subject: typeof subject === 'string' ? (data) => String(data[subject]) : (data, streamId) => subject(data, streamId ?? ''),
    };
  }
  return policy;
}

/**
 * Text fields of a written event that its classification does not list (the runtime half of the rule:
 * a spec runs it over every event the journeys write). Values that are objects or numbers are not text.
 */
export function unclassifiedTextFields(classification: AnyEventFieldClassification, event: { type: string; data: unknown }): string[] {
  const entry = classification[event.type];
  const data = event.data;
  if (data === null || typeof data !== 'object') return [];
  const text = Object.entries(data as Record<string, unknown>)
    .filter(
      ([, value]) =>
        typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')),
    )
    .map(([field]) => field);
  if (!entry) return text.map((field) => `${event.type}.${field} (type not classified)`);
  return text.filter((field) => entry.fields[field] === undefined).map((field) => `${event.type}.${field}`);
}
