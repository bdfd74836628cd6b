import type { IntegrationValue } from './integration-event';

/**
 * The fields of one integration event, each with its JSON type. Mapping copies only the listed
 * fields, and only values of the listed type: a personal field added to a domain event later can
 * never leak onto a topic by accident. The same description generates the published JSON Schema.
 */
export type FieldType = 'string' | 'integer' | 'boolean' | 'instant' | 'string[]' | 'lines';

export type FieldSchema = Readonly<Record<string, { readonly type: FieldType; readonly required?: boolean; readonly description: string }>>;

const LINE_FIELDS = ['sku', 'category', 'quantity', 'unitPrice', 'amount'] as const;

export function pickFields(data: unknown, schema: FieldSchema, where: string): Record<string, IntegrationValue> {
  const source = (data ?? {}) as Record<string, unknown>;
  const out: Record<string, IntegrationValue> = {};
  for (const [field, spec] of Object.entries(schema)) {
    const value = coerce(source[field], spec.type);
    if (value === undefined) {
      if (spec.required) throw new TypeError(`${where}: field "${field}" (${spec.type}) is missing or malformed`);
      continue;
    }
    out[field] = value;
  }
  return out;
}

function coerce(value: unknown, type: FieldType): IntegrationValue | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'instant':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
    case 'integer':
      return Number.isInteger(value) ? (value as number) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
    case 'lines':
      if (!Array.isArray(value)) return undefined;
      return value.map((line) => {
        const picked: Record<string, IntegrationValue> = {};
        for (const key of LINE_FIELDS) {
          const item = (line as Record<string, unknown>)?.[key];
          if (typeof item === 'string' || Number.isInteger(item)) picked[key] = item as string | number;
        }
        return picked;
      });
  }
}

/** JSON Schema (draft 2020-12) of an integration event's `data`. */
export function jsonSchemaOf(type: string, schema: FieldSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(schema)) {
    properties[field] = { ...jsonType(spec.type), description: spec.description };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: type,
    type: 'object',
    additionalProperties: false,
    required: Object.entries(schema)
      .filter(([, spec]) => spec.required)
      .map(([field]) => field),
    properties,
  };
}

function jsonType(type: FieldType): Record<string, unknown> {
  switch (type) {
    case 'instant':
      return { type: 'string', format: 'date-time' };
    case 'string[]':
      return { type: 'array', items: { type: 'string' } };
    case 'lines':
      return {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            sku: { type: 'string' },
            category: { type: 'string' },
            quantity: { type: 'integer' },
            unitPrice: { type: 'integer' },
            amount: { type: 'integer' },
          },
        },
      };
    default:
      return { type };
  }
}
